"""Paginated listing scraper built on Playwright."""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path


def parse_field(spec: str) -> tuple[str, str, str | None]:
    name, sel = spec.split("=", 1)
    attr = None
    if "@" in sel:
        sel, attr = sel.rsplit("@", 1)
    return name, sel, attr


def extract(page, item_sel: str, fields: list[tuple[str, str, str | None]]) -> list[dict]:
    out = []
    for card in page.locator(item_sel).all():
        rec = {}
        for name, sel, attr in fields:
            loc = card.locator(sel).first
            if loc.count() == 0:
                rec[name] = ""
            elif attr:
                rec[name] = loc.get_attribute(attr) or ""
            else:
                rec[name] = loc.inner_text().strip()
        out.append(rec)
    return out


def scrape(page, url: str, item_sel: str, fields, next_sel: str | None, pages: int, delay: float) -> list[dict]:
    page.goto(url, wait_until="domcontentloaded")
    items: list[dict] = []
    for _ in range(pages):
        page.wait_for_selector(item_sel, timeout=15000)
        items.extend(extract(page, item_sel, fields))
        if not next_sel or page.locator(next_sel).count() == 0:
            break
        time.sleep(delay)
        page.locator(next_sel).first.click()
        page.wait_for_load_state("domcontentloaded")
    return items


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--item", required=True)
    ap.add_argument("--field", action="append", default=[])
    ap.add_argument("--next")
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--state")
    ap.add_argument("--out", default="items.csv")
    a = ap.parse_args(argv)
    fields = [parse_field(f) for f in a.field] or [("text", ":scope", None)]
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch()
        ctx = b.new_context(storage_state=a.state) if a.state and Path(a.state).exists() else b.new_context()
        items = scrape(ctx.new_page(), a.url, a.item, fields, a.next, a.pages, a.delay)
        b.close()
    if a.out.endswith(".json"):
        Path(a.out).write_text(json.dumps(items, indent=2))
    else:
        with open(a.out, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=[f[0] for f in fields])
            w.writeheader()
            w.writerows(items)
    print(f"{len(items)} items -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
