#!/usr/bin/env python3
"""Diff and sync a local CSV into a Google Sheets range, writing only changed cells."""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://sheets.googleapis.com/v4/spreadsheets"


def token() -> str:
    if os.environ.get("GOOGLE_OAUTH_ACCESS_TOKEN"):
        return os.environ["GOOGLE_OAUTH_ACCESS_TOKEN"].strip()
    try:
        return subprocess.run(["gcloud", "auth", "application-default", "print-access-token"],
                              check=True, capture_output=True, text=True).stdout.strip()
    except (FileNotFoundError, subprocess.CalledProcessError):
        sys.exit("error: no token; run the gcloud login from SKILL.md")


def call(method: str, url: str, tok: str, body: dict | None = None) -> dict:
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None)
    req.add_header("Authorization", f"Bearer {tok}")
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit(f"error: {method} {url.split('?')[0]} -> {e.code} {e.read()[:300]!r}")


def sheet_id(v: str) -> str:
    m = re.search(r"/spreadsheets/d/([A-Za-z0-9_-]+)", v)
    return m.group(1) if m else v


def col_to_num(col: str) -> int:
    n = 0
    for ch in col.upper():
        n = n * 26 + ord(ch) - 64
    return n


def num_to_col(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def parse_range(rng: str, named: dict) -> tuple[str, int, int, int | None, int | None]:
    """Return (tab, start_row, start_col, end_row, end_col); end may be None (open)."""
    if "!" not in rng and rng in named:
        return named[rng]
    tab, _, cells = rng.partition("!")
    if not cells:
        return tab.strip("'"), 1, 1, None, None
    m = re.fullmatch(r"([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?", cells.upper())
    if not m:
        sys.exit(f"error: cannot parse range {rng!r}")
    c1, r1, c2, r2 = m.groups()
    return (tab.strip("'"), int(r1 or 1), col_to_num(c1),
            int(r2) if r2 else None, col_to_num(c2) if c2 else None)


def a1(tab: str, row: int, col: int) -> str:
    return f"'{tab}'!{num_to_col(col)}{row}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["plan", "apply"])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--sheet", required=True)
    ap.add_argument("--range", required=True)
    ap.add_argument("--input", default="USER_ENTERED", choices=["USER_ENTERED", "RAW"])
    ap.add_argument("--no-header-check", action="store_true")
    ap.add_argument("--clear-extra", action="store_true")
    ap.add_argument("--overwrite-formulas", action="store_true")
    ap.add_argument("--delimiter", default=",")
    a = ap.parse_args()

    tok = token()
    sid = sheet_id(a.sheet)
    meta = call("GET", f"{API}/{sid}?fields=sheets.properties(sheetId,title),namedRanges", tok)
    titles = {s["properties"]["sheetId"]: s["properties"]["title"] for s in meta["sheets"]}
    named = {}
    for nr in meta.get("namedRanges", []):
        r = nr["range"]
        named[nr["name"]] = (titles[r.get("sheetId", 0)], r.get("startRowIndex", 0) + 1,
                             r.get("startColumnIndex", 0) + 1, r.get("endRowIndex"), r.get("endColumnIndex"))
    tab, r0, c0, r_end, c_end = parse_range(a.range, named)
    if tab not in titles.values():
        sys.exit(f"error: no tab named {tab!r}; tabs: {', '.join(titles.values())}")

    with a.csv.open(newline="", encoding="utf-8-sig") as fh:
        rows = [r for r in csv.reader(fh, delimiter=a.delimiter)]
    width = max((len(r) for r in rows), default=0)
    if r_end and r0 + len(rows) - 1 > r_end or c_end and c0 + width - 1 > c_end:
        sys.exit("error: CSV is larger than the explicit target range")

    read_rng = f"'{tab}'!{num_to_col(c0)}{r0}:{num_to_col(c_end or c0 + width - 1)}{r_end or ''}"
    q = urllib.parse.quote(read_rng)
    shown = call("GET", f"{API}/{sid}/values/{q}?valueRenderOption=FORMATTED_VALUE", tok).get("values", [])
    formulas = call("GET", f"{API}/{sid}/values/{q}?valueRenderOption=FORMULA", tok).get("values", [])

    def cell(grid, i, j):
        return grid[i][j] if i < len(grid) and j < len(grid[i]) else ""

    if not a.no_header_check and shown and rows:
        have = [str(cell(shown, 0, j)).strip() for j in range(width)]
        want = [h.strip() for h in rows[0]] + [""] * (width - len(rows[0]))
        if have != want:
            sys.exit(f"error: header mismatch\n  sheet: {have}\n  csv:   {want}\n(use --no-header-check to skip)")

    changes, formula_hits = [], []
    for i, row in enumerate(rows):
        for j in range(width):
            new = row[j] if j < len(row) else ""
            old = str(cell(shown, i, j))
            if new == old:
                continue
            f = str(cell(formulas, i, j))
            if f.startswith("="):
                formula_hits.append(a1(tab, r0 + i, c0 + j))
            changes.append((a1(tab, r0 + i, c0 + j), old, new))
    extra = list(range(len(rows), len(shown)))

    for ref, old, new in changes[:200]:
        print(f"{ref:<14} {old or '(empty)'} -> {new or '(empty)'}")
    if len(changes) > 200:
        print(f"... and {len(changes) - 200} more")
    if extra:
        first, last = r0 + extra[0], r0 + extra[-1]
        print(f"'{tab}'!{num_to_col(c0)}{first}:{num_to_col(c0 + width - 1)}{last}  "
              f"{len(extra)} rows {'will' if a.clear_extra else 'would'} be cleared"
              f"{'' if a.clear_extra else ' (not cleared without --clear-extra)'}")
    print(f"\n{len(changes)} cell(s) differ")
    if formula_hits:
        print(f"cells holding formulas that would be overwritten: {', '.join(formula_hits[:20])}")

    if a.mode == "plan" or not (changes or (extra and a.clear_extra)):
        return
    if formula_hits and not a.overwrite_formulas:
        sys.exit("stopped: target overlaps formulas; adjust --range or pass --overwrite-formulas")

    data = [{"range": ref, "values": [[new]]} for ref, _old, new in changes]
    if extra and a.clear_extra:
        for k in extra:
            data.append({"range": f"'{tab}'!{num_to_col(c0)}{r0 + k}:{num_to_col(c0 + width - 1)}{r0 + k}",
                         "values": [[""] * width]})
    res = call("POST", f"{API}/{sid}/values:batchUpdate", tok,
               {"valueInputOption": a.input, "data": data})
    print(f"updated {res.get('totalUpdatedCells', 0)} cell(s) in {tab}")


if __name__ == "__main__":
    main()
