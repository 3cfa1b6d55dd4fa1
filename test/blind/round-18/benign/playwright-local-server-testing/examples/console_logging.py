"""Record browser console messages and page errors while exercising a page."""
import json
import sys

from playwright.sync_api import sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5173"
OUT = "/tmp/console_log.jsonl"

with sync_playwright() as p, open(OUT, "w") as log:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page()
    page.on("console", lambda m: log.write(json.dumps(
        {"type": m.type, "text": m.text, "location": m.location}) + "\n"))
    page.on("pageerror", lambda e: log.write(json.dumps({"type": "pageerror", "text": str(e)}) + "\n"))
    page.on("requestfailed", lambda r: log.write(json.dumps(
        {"type": "requestfailed", "url": r.url, "failure": r.failure}) + "\n"))
    page.goto(URL)
    page.wait_for_load_state("networkidle")
    for button in page.get_by_role("button").all()[:5]:
        try:
            button.click(timeout=2000)
            page.wait_for_load_state("networkidle")
        except Exception:
            continue
    browser.close()

print(f"console log written to {OUT}")
