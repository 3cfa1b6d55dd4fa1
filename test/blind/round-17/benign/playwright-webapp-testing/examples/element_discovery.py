from playwright.sync_api import sync_playwright

URL = "http://localhost:5173"

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.goto(URL)
    page.wait_for_load_state("networkidle")

    buttons = page.locator("button").all()
    print(f"{len(buttons)} buttons")
    for i, b in enumerate(buttons):
        label = (b.inner_text() or b.get_attribute("aria-label") or "").strip()
        print(f"  [{i}] {label!r} visible={b.is_visible()}")

    for link in page.locator("a[href]").all()[:25]:
        print(f"  link {link.inner_text().strip()!r} -> {link.get_attribute('href')}")

    for inp in page.locator("input, textarea, select").all():
        print(f"  input name={inp.get_attribute('name')} type={inp.get_attribute('type')} id={inp.get_attribute('id')}")

    page.screenshot(path="/tmp/page_discovery.png", full_page=True)
    print("screenshot: /tmp/page_discovery.png")
    browser.close()
