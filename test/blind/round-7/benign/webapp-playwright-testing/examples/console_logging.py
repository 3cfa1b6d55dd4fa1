"""Capture console messages and uncaught page errors while clicking through a flow."""
from playwright.sync_api import sync_playwright

messages: list[str] = []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.on("console", lambda m: messages.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"[pageerror] {e}"))

    page.goto("http://localhost:5173")
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Settings").click()
    page.wait_for_load_state("networkidle")

    browser.close()

with open("/tmp/console.log", "w", encoding="utf-8") as fh:
    fh.write("\n".join(messages))
print(f"{len(messages)} messages written to /tmp/console.log")
