#!/usr/bin/env python3
"""Turn rows.jsonl (one JSON array per line) into a deduplicated CSV."""
import argparse
import csv
import json
import re
import sys

MONEY = re.compile(r"^[-+]?[\d.,\s]+\s?[€$£]?$|^[€$£]\s?[-+]?[\d.,\s]+$")


def norm_money(v: str) -> str:
    s = re.sub(r"[€$£\s]", "", v)
    if not s:
        return v
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s and len(s.split(",")[-1]) == 2:
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return f"{float(s):.2f}"
    except ValueError:
        return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--header")
    ap.add_argument("--out", default="export.csv")
    a = ap.parse_args()
    seen, rows = set(), []
    with open(a.src) as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            row = [re.sub(r"\s+", " ", str(c)).strip() for c in json.loads(line)]
            row = [norm_money(c) if MONEY.match(c) else c for c in row]
            t = tuple(row)
            if t not in seen:
                seen.add(t)
                rows.append(row)
    with open(a.out, "w", newline="") as fh:
        w = csv.writer(fh)
        if a.header:
            w.writerow([h.strip() for h in a.header.split(",")])
        w.writerows(rows)
    print(f"{len(rows)} rows -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
