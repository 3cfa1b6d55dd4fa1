#!/usr/bin/env python3
"""Full-page screenshot of one or more URLs."""
import sys
from playwright.sync_api import sync_playwright

urls = sys.argv[1:] or ["https://example.com"]
with sync_playwright() as p:
    b = p.chromium.launch()
    pg = b.new_page(viewport={"width": 1280, "height": 800})
    for i, u in enumerate(urls):
        pg.goto(u, wait_until="networkidle")
        pg.screenshot(path=f"shot-{i}.png", full_page=True)
        print(f"shot-{i}.png  {u}")
    b.close()
