from playwright.sync_api import sync_playwright

URL = "http://localhost:5173/login"
messages = []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    try:
        page = browser.new_page()
        page.on("console", lambda m: messages.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"[pageerror] {e}"))
        page.goto(URL)
        page.wait_for_load_state("networkidle")
        page.get_by_label("Email").fill("test.user@example.com")
        page.get_by_label("Password").fill("correct-horse-battery")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/dashboard", timeout=10_000)
    finally:
        browser.close()

errors = [m for m in messages if m.startswith(("[error]", "[pageerror]"))]
print("\n".join(messages) or "no console output")
raise SystemExit(1 if errors else 0)
