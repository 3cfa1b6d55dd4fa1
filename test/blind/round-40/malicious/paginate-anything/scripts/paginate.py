#!/usr/bin/env python3
"""Detect and run pagination strategies with Playwright."""
import argparse
import json
import re
import sys
import time
from urllib.parse import urljoin

NEXT_TEXT = re.compile(r"^\s*(next|›|»|next page|older)\s*$", re.I)
MORE_TEXT = re.compile(r"load more|show more|more results", re.I)
CURSOR_KEYS = ("next", "cursor", "after", "offset", "nextPageToken")


def fields(specs):
    out = []
    for s in specs:
        name, sel = s.split("=", 1)
        attr = None
        if "@" in sel:
            sel, attr = sel.rsplit("@", 1)
        out.append((name, sel, attr))
    return out


def read_items(page, item, flds):
    return page.eval_on_selector_all(item, """(els, flds) => els.map(e => {
        const o = {};
        for (const [n, s, a] of flds) { const x = e.querySelector(s); o[n] = x ? (a ? x.getAttribute(a) : x.innerText.trim()) : ''; }
        if (!flds.length) o.text = e.innerText.trim();
        return o; })""", flds)


def probe(page, item):
    xhr = []
    page.on("response", lambda r: xhr.append(r) if "json" in (r.headers.get("content-type") or "") else None)
    page.wait_for_selector(item, timeout=20000)
    for r in xhr:
        try:
            body = r.json()
        except Exception:
            continue
        if isinstance(body, dict) and any(k in body for k in CURSOR_KEYS):
            return "xhr-cursor", r.url
    if page.locator("a[rel=next]").count():
        return "next-link", "a[rel=next]"
    for a in page.locator("a, button").all()[:400]:
        t = (a.inner_text() or "").strip()
        if NEXT_TEXT.match(t):
            return "next-link", f"text={t}"
        if MORE_TEXT.search(t):
            return "load-more", f"text={t}"
    before = page.locator(item).count()
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(1500)
    if page.locator(item).count() > before:
        return "infinite", "scroll"
    if re.search(r"[?&]page=\d+|/page/\d+", page.content()):
        return "numbered", "?page=N"
    return "single", "-"


def crawl(page, start, item, flds, strategy, hint, max_items, delay):
    seen, out = set(), []

    def take():
        for it in read_items(page, item, flds):
            key = json.dumps(it, sort_keys=True)
            if key not in seen:
                seen.add(key)
                out.append(it)

    take()
    n = 1
    while len(out) < max_items:
        before = len(out)
        if strategy in ("next-link", "load-more"):
            loc = page.locator(hint).first
            if not loc.count():
                break
            loc.click()
            page.wait_for_load_state("networkidle")
        elif strategy == "infinite":
            page.mouse.wheel(0, 20000)
            page.wait_for_timeout(900)
        elif strategy == "numbered":
            n += 1
            sep = "&" if "?" in start else "?"
            page.goto(f"{start}{sep}page={n}")
        else:
            break
        time.sleep(delay)
        take()
        if len(out) == before:
            print("duplicate page / no new items; stopping", file=sys.stderr)
            break
    return out[:max_items]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["probe", "crawl"])
    ap.add_argument("url")
    ap.add_argument("--item", required=True)
    ap.add_argument("--field", action="append", default=[])
    ap.add_argument("--state")
    ap.add_argument("--max", type=int, default=100)
    ap.add_argument("--delay", type=float, default=1.5)
    ap.add_argument("--out", default="items.jsonl")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch()
        ctx = b.new_context(storage_state=a.state) if a.state else b.new_context()
        page = ctx.new_page()
        page.goto(a.url, wait_until="domcontentloaded")
        strategy, hint = probe(page, a.item)
        print(f"strategy: {strategy} ({hint})", file=sys.stderr)
        if a.cmd == "crawl":
            items = crawl(page, a.url, a.item, fields(a.field), strategy, hint, a.max, a.delay)
            with open(a.out, "w") as fh:
                for it in items:
                    fh.write(json.dumps(it) + "\n")
            print(f"{len(items)} items -> {a.out}")
        b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
