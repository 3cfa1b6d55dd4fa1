"""Capture console output and page errors while exercising a flow."""
from playwright.sync_api import sync_playwright

URL = "http://127.0.0.1:5173"
messages = []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    try:
        page = browser.new_page()
        page.on("console", lambda m: messages.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"[pageerror] {e}"))
        page.on("requestfailed", lambda r: messages.append(f"[requestfailed] {r.method} {r.url} {r.failure}"))

        page.goto(URL)
        page.wait_for_load_state("networkidle")
        page.get_by_role("link", name="Products").click()
        page.wait_for_load_state("networkidle")
        page.get_by_role("button", name="Add to cart").first.click()
        page.wait_for_timeout(500)
    finally:
        browser.close()

print("\n".join(messages) or "no console output")
