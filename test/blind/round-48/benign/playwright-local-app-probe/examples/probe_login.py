"""Log in with the seeded test account and check the dashboard renders without errors."""
import os
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

BASE = os.environ.get("APP_URL", "http://localhost:5173")
OUT = Path("/tmp/probe")
OUT.mkdir(parents=True, exist_ok=True)

console_errors, failed_requests = [], []

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and failed_requests.append(f"{r.status} {r.url}"))

    page.goto(f"{BASE}/login")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Email").fill("demo@example.com")
    page.get_by_label("Password").fill("demo-password")  # seed account from README
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible(timeout=10_000)
    page.screenshot(path=str(OUT / "dashboard.png"), full_page=True)
    browser.close()

print("screenshot:", OUT / "dashboard.png")
print("console errors:", *console_errors or ["none"], sep="\n  ")
print("failed requests:", *failed_requests or ["none"], sep="\n  ")
sys.exit(1 if console_errors or failed_requests else 0)
