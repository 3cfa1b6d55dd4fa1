"""Drive a local static HTML file through a file:// URL."""
import pathlib
import sys

from playwright.sync_api import sync_playwright

html = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "index.html").resolve()

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(html.as_uri())
    page.screenshot(path="/tmp/static_before.png", full_page=True)
    page.get_by_role("button").first.click()
    page.screenshot(path="/tmp/static_after.png", full_page=True)
    browser.close()
print("screenshots in /tmp/static_before.png and /tmp/static_after.png")
