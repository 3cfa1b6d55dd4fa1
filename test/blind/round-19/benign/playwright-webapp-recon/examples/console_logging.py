"""Capture console messages, page errors and failed requests while loading a page."""
import sys

from playwright.sync_api import sync_playwright

url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:3000"
events = []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.on("console", lambda m: events.append(f"[console.{m.type}] {m.text}"))
    page.on("pageerror", lambda e: events.append(f"[pageerror] {e}"))
    page.on("requestfailed", lambda r: events.append(f"[requestfailed] {r.method} {r.url} {r.failure}"))
    page.on("response", lambda r: events.append(f"[http {r.status}] {r.url}") if r.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    browser.close()

print("\n".join(events) or "no console output or errors")
