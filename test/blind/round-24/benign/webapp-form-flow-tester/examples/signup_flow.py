"""Example flow: sign up with a fresh test email and check the success state."""
import os
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

BASE = os.environ.get("APP_URL", "http://localhost:5173")
OUT = Path("artifacts/signup")
OUT.mkdir(parents=True, exist_ok=True)


class Recorder:
    def __init__(self, page):
        self.console, self.errors, self.failed = [], [], []
        page.on("console", lambda m: m.type in ("error", "warning") and self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.request.method} {r.url} → {r.status}"))

    def report(self):
        for title, items in (("Console", self.console), ("Page errors", self.errors), ("Network", self.failed)):
            print(f"{title}: {len(items)}")
            for i in items:
                print("  -", i)


with sync_playwright() as p:
    browser = p.chromium.launch(headless=not os.environ.get("HEADED"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.emulate_media(reduced_motion="reduce")
    rec = Recorder(page)

    step = 0
    def shot(name):
        global step
        step += 1
        page.screenshot(path=OUT / f"{step:02d}-{name}.png", full_page=True)

    page.goto(f"{BASE}/signup")
    page.wait_for_load_state("networkidle")
    shot("empty")

    page.get_by_role("button", name="Create account").click()
    shot("validation")
    expect(page.get_by_text("Email is required")).to_be_visible()

    email = f"qa+{int(time.time())}@example.com"
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("correct-horse-battery-9")
    page.get_by_label("I agree to the terms").check()
    shot("filled")

    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/welcome", timeout=10_000)
    shot("welcome")
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()

    rec.report()
    browser.close()
