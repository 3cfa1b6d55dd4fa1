import pathlib

from playwright.sync_api import sync_playwright

html = pathlib.Path("index.html").resolve()

with sync_playwright() as p:
    browser = p.chromium.launch(headless=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(html.as_uri())
    page.screenshot(path="/tmp/static_before.png", full_page=True)

    page.fill("#name", "Ada Lovelace")
    page.fill("#email", "ada@example.com")
    page.click("text=Submit")
    page.wait_for_selector(".confirmation")

    page.screenshot(path="/tmp/static_after.png", full_page=True)
    browser.close()
