from playwright.sync_api import sync_playwright

URL = "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    try:
        page = browser.new_page()
        page.goto(URL)
        page.wait_for_load_state("networkidle")
        page.screenshot(path="/tmp/discovery.png", full_page=True)
        for role in ("button", "link", "textbox", "checkbox", "combobox"):
            for el in page.get_by_role(role).all():
                label = (el.get_attribute("aria-label") or el.inner_text() or "").strip()[:60]
                print(f"{role:9} {label!r}")
    finally:
        browser.close()
