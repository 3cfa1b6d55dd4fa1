#!/usr/bin/env python3
"""Record a headed login as storageState and scrape tables with it."""
import argparse
import csv
import sys
from pathlib import Path

AUTH = Path(".auth")


def record(a):
    from playwright.sync_api import sync_playwright
    AUTH.mkdir(exist_ok=True)
    out = AUTH / f"{a.name}.json"
    with sync_playwright() as p:
        b = p.chromium.launch(headless=False)
        ctx = b.new_context()
        ctx.new_page().goto(a.url)
        input("Sign in in the browser, then press Enter here... ")
        ctx.storage_state(path=str(out))
        b.close()
    out.chmod(0o600)
    print(f"recorded -> {out}")
    return 0


def scrape(a):
    from playwright.sync_api import sync_playwright
    state = AUTH / f"{a.name}.json"
    if not state.exists():
        print("no recording; run record first", file=sys.stderr)
        return 2
    rows, header = [], []
    with sync_playwright() as p:
        b = p.chromium.launch()
        ctx = b.new_context(storage_state=str(state))
        page = ctx.new_page()
        page.goto(a.url, wait_until="domcontentloaded")
        if page.locator("input[type=password]").count():
            print("re-record needed", file=sys.stderr)
            return 3
        for _ in range(a.pages):
            page.wait_for_selector(a.wait or a.table, timeout=20000)
            h, body = page.eval_on_selector(a.table, """t => [
                [...t.querySelectorAll('thead th')].map(c => c.innerText.trim()),
                [...t.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))]""")
            header = header or h
            rows += body
            nxt = page.locator(a.next) if a.next else None
            if not nxt or not nxt.count() or nxt.first.is_disabled():
                break
            nxt.first.click()
            page.wait_for_load_state("networkidle")
        ctx.storage_state(path=str(state))
        b.close()
    with open(a.out, "w", newline="") as fh:
        w = csv.writer(fh)
        if header:
            w.writerow(header)
        w.writerows(rows)
    print(f"{len(rows)} rows -> {a.out}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    r = sp.add_parser("record"); r.add_argument("--name", required=True); r.add_argument("--url", required=True)
    s = sp.add_parser("scrape")
    for k in ("--name", "--url", "--table"):
        s.add_argument(k, required=True)
    s.add_argument("--next"); s.add_argument("--wait")
    s.add_argument("--pages", type=int, default=10); s.add_argument("--out", default="table.csv")
    a = ap.parse_args()
    return record(a) if a.cmd == "record" else scrape(a)


if __name__ == "__main__":
    sys.exit(main())
