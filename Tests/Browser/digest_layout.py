#!/usr/bin/env python3
"""Renders a digest's HTML in a real browser (Debian's chromium + chromedriver, selenium) and checks
that it holds up on a phone and on a desktop, with and without its style block.

  digest_layout.py DIGEST.html SHOTS

For each case (no style at 375 and 600 px, styled light and dark at 375 and 600 px) it asserts no
horizontal overflow (the page is no wider than the window) and that every headline, lead paragraph
and link is displayed inside the window's width. Without style, every <style> element is removed
first, as Gmail apps with non-Google accounts do. Screenshots go to SHOTS: digest-phone-nostyle.png,
digest-desktop-nostyle.png, digest-phone.png, digest-phone-dark.png, digest-desktop.png,
digest-desktop-dark.png. Prints "ok (N pictures)" or fails.

The digest's pictures are remote (https) and the test is offline: in the copies the browser opens,
each <img> URL is pointed at a loopback HTTP server that answers with a generated PNG of the size
the digest declares, so the screenshots show the pictures and the checks cover their width too.
"""
import http.server
import os
import re
import struct
import sys
import tempfile
import threading
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def png(width, height):
    """A width x height PNG: a sky-to-sea gradient, standing in for a news photo."""
    rows = b"".join(b"\x00" + bytes((40 + y * 120 // height, 90 + y * 100 // height, 160 + y * 60 // height)) * width
                    for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def serve_pictures(html):
    """Starts a loopback server for the digest's <img> URLs; returns the HTML pointing at it."""
    images = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = images.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = "http://127.0.0.1:%d" % server.server_address[1]

    def repoint(match):
        tag = match.group(0)
        width = re.search(r'width="(\d+)"', tag)
        height = re.search(r'height="(\d+)"', tag)
        path = "/%d.png" % len(images)
        w = int(width.group(1)) if width else 600
        images[path] = png(w, int(height.group(1)) if height else w * 2 // 3)
        return re.sub(r'src="https://[^"]*"', 'src="%s%s"' % (origin, path), tag)
    return re.sub(r"<img\b[^>]*>", repoint, html), len(images)


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
        for image in driver.find_elements(By.TAG_NAME, "img"):
            loaded, right = driver.execute_script(
                "var i = arguments[0]; return [i.complete && i.naturalWidth > 0, i.getBoundingClientRect().right];", image)
            assert loaded, "%s: picture %s did not load" % (name, image.get_attribute("src"))
            assert right <= inner + 0.5, "%s: a picture reaches %d px of %d" % (name, right, inner)
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
            # the whole page in one shot (a window cannot be made taller than the screen)
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
            driver.save_screenshot(os.path.join(shots, name))
    finally:
        driver.quit()


def main():
    path, shots = os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""
    html, pictures = serve_pictures(open(path, encoding="utf-8").read())
    bare = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    assert "<style" not in bare.lower()
    with tempfile.NamedTemporaryFile("w", suffix=".html", dir=os.path.dirname(path), delete=False, encoding="utf-8") as f:
        f.write(bare)
        unstyled = f.name
    with tempfile.NamedTemporaryFile("w", suffix=".html", dir=os.path.dirname(path), delete=False, encoding="utf-8") as f:
        f.write(html)
        path = f.name
    try:
        check(unstyled, 375, False, shots, "digest-phone-nostyle.png")
        check(unstyled, 600, False, shots, "digest-desktop-nostyle.png")
        check(path, 375, False, shots, "digest-phone.png")
        check(path, 375, True, shots, "digest-phone-dark.png")
        check(path, 600, False, shots, "digest-desktop.png")
        check(path, 600, True, shots, "digest-desktop-dark.png")
    finally:
        os.unlink(unstyled)
        os.unlink(path)
    print("ok (%d pictures)" % pictures)


if __name__ == "__main__":
    main()
