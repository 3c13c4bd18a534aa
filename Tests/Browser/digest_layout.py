#!/usr/bin/env python3
"""Renders a digest's HTML in a real browser (Debian's chromium + chromedriver, selenium) and checks
that it holds up on a phone and on a desktop, with and without its style block.

  digest_layout.py DIGEST.html SHOTS

For each case (no style at 375 and 600 px, styled light and dark at 375 and 600 px) it asserts no
horizontal overflow (the page is no wider than the window) and that every headline, lead paragraph
and link is displayed inside the window's width. Without style, every <style> element is removed
first, as Gmail apps with non-Google accounts do. Screenshots go to SHOTS: digest-phone-nostyle.png,
digest-desktop-nostyle.png, digest-phone.png, digest-phone-dark.png. Prints "ok" or fails.
"""
import os
import re
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(width, dark):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                 "--window-size=%d,900" % max(width, 500)):
        options.add_argument(flag)
    if width < 500:  # headless windows are at least 500 px wide: emulate the phone's viewport
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 900, "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    return driver


def check(path, width, dark, shots, name):
    driver = browser(width, dark)
    try:
        driver.get("file://" + path)
        # A phone browser widens its layout viewport to fit a page that is too wide, so the
        # window's own width is what the page must fit, not innerWidth.
        inner = min(width, driver.execute_script("return window.innerWidth"))
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= inner, "%s: page is %d px wide in a %d px window" % (name or "digest-%d" % width, scroll, inner)
        elements = driver.find_elements(By.CSS_SELECTOR, "h3, p.gz-text, a[href]")
        assert len(elements) >= 5, "%s: only %d headlines, leads and links" % (name, len(elements))
        for element in elements:
            if not element.text.strip():
                continue
            rect = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width, r.height];", element)
            assert element.is_displayed() and rect[2] > 0 and rect[3] > 0, "%s: %r is not shown" % (name, element.text[:40])
            assert rect[0] >= 0 and rect[1] <= inner + 0.5, "%s: %r reaches %d px of %d" % (name, element.text[:40], rect[1], inner)
        if shots and name:
            os.makedirs(shots, exist_ok=True)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            if width < 500:
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
            else:
                driver.set_window_size(width, height + 40)
            driver.save_screenshot(os.path.join(shots, name))
    finally:
        driver.quit()


def main():
    path, shots = os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""
    html = open(path, encoding="utf-8").read()
    bare = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    assert "<style" not in bare.lower()
    with tempfile.NamedTemporaryFile("w", suffix=".html", dir=os.path.dirname(path), delete=False, encoding="utf-8") as f:
        f.write(bare)
        unstyled = f.name
    try:
        check(unstyled, 375, False, shots, "digest-phone-nostyle.png")
        check(unstyled, 600, False, shots, "digest-desktop-nostyle.png")
        check(path, 375, False, shots, "digest-phone.png")
        check(path, 375, True, shots, "digest-phone-dark.png")
        check(path, 600, False, shots, "")
        check(path, 600, True, shots, "")
    finally:
        os.unlink(unstyled)
    print("ok")


if __name__ == "__main__":
    main()
