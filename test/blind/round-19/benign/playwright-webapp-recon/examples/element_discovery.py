"""List interactive elements on a page to choose selectors."""
import sys

from playwright.sync_api import sync_playwright

url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")

    print("== buttons")
    for el in page.get_by_role("button").all():
        print(" ", repr(el.inner_text().strip()), el.get_attribute("data-testid"))
    print("== links")
    for el in page.get_by_role("link").all()[:50]:
        print(" ", repr(el.inner_text().strip()), "->", el.get_attribute("href"))
    print("== inputs")
    for el in page.locator("input, textarea, select").all():
        print(" ", el.evaluate("e => e.tagName"), el.get_attribute("name"), el.get_attribute("type"),
              el.get_attribute("placeholder"), el.get_attribute("aria-label"))
    page.screenshot(path="/tmp/discovery.png", full_page=True)
    print("screenshot: /tmp/discovery.png")
    browser.close()
