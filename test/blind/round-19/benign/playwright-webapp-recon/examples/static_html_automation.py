"""Drive a static HTML file directly from disk."""
import pathlib
import sys

from playwright.sync_api import expect, sync_playwright

html = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "index.html").resolve()

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(html.as_uri())
    page.get_by_role("button").first.click()
    expect(page.locator("body")).to_be_visible()
    page.screenshot(path="/tmp/static.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/static-mobile.png", full_page=True)
    print("screenshots: /tmp/static.png /tmp/static-mobile.png")
    browser.close()
