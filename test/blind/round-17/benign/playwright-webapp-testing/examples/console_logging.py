from playwright.sync_api import sync_playwright

URL = "http://localhost:5173"
messages = []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.on("console", lambda msg: messages.append(f"[{msg.type}] {msg.text}"))
    page.on("pageerror", lambda exc: messages.append(f"[pageerror] {exc}"))
    page.on("requestfailed", lambda req: messages.append(f"[requestfailed] {req.method} {req.url} {req.failure}"))

    page.goto(URL)
    page.wait_for_load_state("networkidle")
    page.get_by_role("button").first.click()
    page.wait_for_timeout(500)
    browser.close()

with open("/tmp/console.log", "w", encoding="utf-8") as fh:
    fh.write("\n".join(messages))
print(f"captured {len(messages)} messages -> /tmp/console.log")
