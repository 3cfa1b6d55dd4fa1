"""List interactive elements on a page and save a full-page screenshot."""
import sys

from playwright.sync_api import sync_playwright

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path="/tmp/discovery.png", full_page=True)

        for role in ("button", "link", "textbox", "checkbox", "combobox"):
            items = page.get_by_role(role).all()
            print(f"\n{role} ({len(items)})")
            for el in items[:25]:
                name = el.get_attribute("aria-label") or el.inner_text().strip() or el.get_attribute("name") or ""
                testid = el.get_attribute("data-testid")
                print(f"  - {name[:60]!r}" + (f"  [data-testid={testid}]" if testid else ""))
        print("\nscreenshot: /tmp/discovery.png")
    finally:
        browser.close()
