"""List interactive elements on a page to choose selectors."""
import sys

from playwright.sync_api import sync_playwright

url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")

    for role in ("button", "link", "textbox", "checkbox", "combobox"):
        items = page.get_by_role(role).all()
        print(f"\n{role} ({len(items)})")
        for el in items[:25]:
            name = el.get_attribute("aria-label") or el.inner_text().strip()[:60]
            print(f"  - {name!r} testid={el.get_attribute('data-testid')}")

    page.screenshot(path="/tmp/discovery.png", full_page=True)
    print("\nscreenshot: /tmp/discovery.png")
    browser.close()
