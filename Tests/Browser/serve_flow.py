#!/usr/bin/env python3
"""Drives gazette serve's pages in a real browser (Debian's chromium + chromedriver, selenium).

  serve_flow.py subscribe BASE OUTBOX SHOTS   fill the subscribe form, follow the confirmation link
                                              from the .eml in OUTBOX, press Confirm
  serve_flow.py manage BASE PREFS UNSUB SHOTS change preferences, then unsubscribe and resubscribe

BASE is the server (http://127.0.0.1:PORT); links in mail point at the public URL and are rewritten
to BASE. Screenshots of the subscribe and unsubscribe pages (desktop and phone width) go to SHOTS.
Every page is also checked for horizontal overflow at phone width. Prints "ok" or fails.
"""
import email
import email.policy
import glob
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--window-size=%d,%d" % (width, height)):
        options.add_argument(flag)
    if width < 500:  # headless windows are at least 500 px wide: emulate the phone's viewport
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fits(driver):
    width = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    assert width <= inner, "page is %d px wide in a %d px window" % (width, inner)


def shot(driver, shots, name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(driver.get_window_size()["width"], max(400, height + 40))
        driver.save_screenshot(os.path.join(shots, name))


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def submit(driver, selector):
    """Presses a form's button and waits for the next page to load."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def subscribe(base, outbox, shots):
    for width, height, suffix in ((1280, 900, "desktop"), (375, 812, "phone")):
        driver = browser(width, height)
        driver.get(base + "/subscribe")
        fits(driver)
        shot(driver, shots, "serve-subscribe-%s.png" % suffix)
        driver.quit()
    driver = browser(375, 812)
    driver.get(base + "/subscribe")
    driver.find_element(By.ID, "email").send_keys("browser.reader@example.org")
    driver.find_element(By.ID, "name").send_keys("Browser Reader")
    driver.find_element(By.CSS_SELECTOR, "input[name=section][value=Science]").click()
    driver.find_element(By.ID, "f-text").click()
    submit(driver, "button[type=submit]")
    assert heading(driver) == "Check your inbox", heading(driver)
    fits(driver)
    link = None
    for _ in range(100):
        for path in glob.glob(os.path.join(outbox, "*.eml")):
            message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
            if message["To"] and "browser.reader@example.org" in message["To"]:
                text = message.get_body(("plain",)).get_content()
                found = re.search(r"https?://\S+/confirm\?token=\S+", text)
                link = found.group(0) if found else None
        if link:
            break
        driver.implicitly_wait(0.1)
    assert link, "no confirmation message in the outbox"
    driver.get(re.sub(r"^https?://[^/]+", base, link))
    assert heading(driver) == "Confirm your subscription", heading(driver)
    fits(driver)
    submit(driver, "button[type=submit]")
    assert heading(driver) == "You are subscribed", heading(driver)
    driver.quit()


def manage(base, preferences, unsubscribe, shots):
    driver = browser(375, 812)
    driver.get(base + preferences)
    assert heading(driver).startswith("Your "), heading(driver)
    fits(driver)
    news = driver.find_element(By.CSS_SELECTOR, "input[name=section][value=News]")
    if not news.is_selected():
        news.click()
    driver.find_element(By.ID, "f-html").click()
    submit(driver, "form[action=preferences] button")
    assert heading(driver) == "Saved", heading(driver)
    driver.quit()
    for width, height, suffix in ((1280, 900, "desktop"), (375, 812, "phone")):
        driver = browser(width, height)
        driver.get(base + unsubscribe)
        assert heading(driver) == "Unsubscribe", heading(driver)
        fits(driver)
        shot(driver, shots, "serve-unsubscribe-%s.png" % suffix)
        driver.quit()
    driver = browser(375, 812)
    driver.get(base + unsubscribe)
    submit(driver, "button[type=submit]")
    assert heading(driver) == "You are unsubscribed", heading(driver)
    fits(driver)
    submit(driver, "button[type=submit]")
    assert heading(driver) == "Welcome back", heading(driver)
    driver.quit()


if __name__ == "__main__":
    if sys.argv[1] == "subscribe":
        subscribe(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")
    else:
        manage(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else "")
    print("ok")
