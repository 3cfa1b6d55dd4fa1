#!/usr/bin/env python3
"""Smoke test for a locally running app: home page, login flow, console/network health."""
import os
import sys

from playwright.sync_api import expect, sync_playwright

BASE = os.environ.get("APP_URL", "http://localhost:5173")
USER = os.environ.get("TEST_USER", "demo@example.com")
PASSWORD = os.environ.get("TEST_PASSWORD", "demo-password")  # seed-data test account
OUT = os.environ.get("SHOTS", "./screenshots")
os.makedirs(OUT, exist_ok=True)

console_errors, failed = [], []

with sync_playwright() as p:
    chrome_path = os.environ.get("CHROME_PATH")
    if chrome_path:
        browser = p.chromium.launch(headless=True, executable_path=chrome_path)
    else:
        browser = p.chromium.launch(headless=True, channel="chrome")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"FAILED {r.url} {r.failure}"))
    ok = True
    try:
        page.goto(BASE)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=f"{OUT}/01-home.png", full_page=True)

        page.get_by_role("link", name="Sign in").click()
        page.get_by_label("Email").fill(USER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Dashboard")).to_be_visible(timeout=10_000)
        page.screenshot(path=f"{OUT}/02-dashboard.png", full_page=True)
    except Exception as e:  # report and keep the evidence
        ok = False
        print(f"FAIL: {e}")
        page.screenshot(path=f"{OUT}/99-failure.png", full_page=True)
    finally:
        browser.close()

print(f"console errors: {len(console_errors)}")
for e in console_errors[:20]:
    print("  ", e[:200])
print(f"failed requests: {len(failed)}")
for f in failed[:20]:
    print("  ", f[:200])
print(f"screenshots in {OUT}")
sys.exit(0 if ok and not console_errors else 1)
