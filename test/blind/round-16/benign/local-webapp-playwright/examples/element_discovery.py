from playwright.sync_api import sync_playwright

URL = "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(URL)
    page.wait_for_load_state("networkidle")

    buttons = page.locator("button").all()
    print(f"{len(buttons)} buttons")
    for i, button in enumerate(buttons):
        label = button.inner_text().strip() if button.is_visible() else "[hidden]"
        print(f"  [{i}] {label}")

    for link in page.locator("a[href]").all()[:10]:
        print(f"  link: {link.inner_text().strip()} -> {link.get_attribute('href')}")

    for field in page.locator("input, textarea, select").all():
        name = field.get_attribute("name") or field.get_attribute("id") or "[unnamed]"
        print(f"  input: {name} ({field.get_attribute('type') or 'text'})")

    page.screenshot(path="/tmp/page_discovery.png", full_page=True)
    browser.close()
