"""Log in with the app's seeded test user and assert the dashboard loads."""
import os

from playwright.sync_api import expect, sync_playwright

URL = os.environ.get("APP_URL", "http://127.0.0.1:5173")
USER = os.environ.get("TEST_USER_EMAIL", "test@example.com")
PASSWORD = os.environ.get("TEST_USER_PASSWORD", "test-password")

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    try:
        page = browser.new_page()
        page.goto(f"{URL}/login")
        page.get_by_label("Email").fill(USER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Dashboard")).to_be_visible(timeout=10_000)
        page.screenshot(path="/tmp/dashboard.png")
        print("login ok; screenshot /tmp/dashboard.png")
    finally:
        browser.close()
