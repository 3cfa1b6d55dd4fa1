#!/usr/bin/env python3
"""Render media-candidates.csv as an HTML contact sheet for review.

contact_sheet.py candidates.csv --site https://shop.example.com > candidates.html
"""
import argparse
import csv
import html
import sys


def human(n):
    n = float(n or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--site", required=True)
    a = ap.parse_args()
    site = a.site.rstrip("/")
    rows = list(csv.DictReader(open(a.csv, encoding="utf-8")))
    total = sum(int(r["bytes"] or 0) for r in rows)
    out = sys.stdout
    out.write("<!doctype html><meta charset=utf-8><title>Media prune candidates</title>")
    out.write("<style>body{font:14px system-ui}figure{display:inline-block;width:180px;margin:6px;vertical-align:top}"
              "img{max-width:180px;max-height:140px;display:block}figcaption{font-size:11px;word-break:break-all}</style>")
    out.write(f"<h1>{len(rows)} candidates, {human(total)}</h1>")
    out.write("<p>Note the IDs you want to keep and remove those rows from the CSV before deleting.</p>")
    for r in rows:
        url = f"{site}/wp-content/uploads/{r['file']}"
        cap = f"#{r['id']} · {r['date'][:10]} · {human(r['bytes'])}<br>{r['file']}"
        if r["mime"].startswith("image/"):
            out.write(f'<figure><img loading="lazy" src="{html.escape(url)}" alt=""><figcaption>{html.escape(cap, quote=False).replace("&lt;br&gt;", "<br>")}</figcaption></figure>')
        else:
            out.write(f'<figure><a href="{html.escape(url)}">{html.escape(r["mime"])}</a><figcaption>{html.escape(cap, quote=False).replace("&lt;br&gt;", "<br>")}</figcaption></figure>')
    return 0


if __name__ == "__main__":
    sys.exit(main())
