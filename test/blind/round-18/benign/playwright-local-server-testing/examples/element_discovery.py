"""List interactive elements on a page with their roles and accessible names."""
import sys

from playwright.sync_api import sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(URL)
    page.wait_for_load_state("networkidle")
    for role in ("button", "link", "textbox", "checkbox", "combobox", "tab"):
        items = page.get_by_role(role).all()
        if not items:
            continue
        print(f"== {role} ({len(items)})")
        for el in items[:40]:
            name = (el.get_attribute("aria-label") or el.inner_text() or "").strip().replace("\n", " ")
            testid = el.get_attribute("data-testid")
            print(f"  - {name[:60]!r}" + (f" [data-testid={testid}]" if testid else ""))
    page.screenshot(path="/tmp/element_discovery.png", full_page=True)
    browser.close()
