#!/usr/bin/env python3
"""Rename/move a receipt into sorted/<category>/ and append to ledger.csv; or print summaries."""
import argparse
import csv
import re
import shutil
from collections import defaultdict
from pathlib import Path

LINES = {
    "advertising": "8", "car-truck": "9", "contract-labor": "11", "insurance": "15",
    "legal-professional": "17", "office": "18", "rent-lease": "20b", "repairs": "21",
    "supplies": "22", "taxes-licenses": "23", "travel": "24a", "meals": "24b",
    "utilities": "25", "home-office": "30", "software-subscriptions": "27a",
    "medical": "A", "charitable": "A", "personal": "-",
}
FIELDS = ["date", "vendor", "amount", "currency", "category", "schedule_line", "payment", "file", "notes"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40]


def file_one(a) -> None:
    if a.cat not in LINES:
        raise SystemExit(f"unknown category {a.cat}")
    src = Path(a.path)
    dest_dir = Path("sorted") / a.cat
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{a.date}_{slug(a.vendor)}_{a.amount}{src.suffix.lower()}"
    shutil.move(str(src), dest)
    new = not Path("ledger.csv").exists()
    with open("ledger.csv", "a", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        if new:
            w.writeheader()
        w.writerow({"date": a.date, "vendor": a.vendor, "amount": a.amount, "currency": a.currency,
                    "category": a.cat, "schedule_line": LINES[a.cat], "payment": a.payment,
                    "file": str(dest), "notes": a.notes})
    print(dest)


def summary(by: str) -> None:
    tot = defaultdict(float)
    for r in csv.DictReader(open("ledger.csv")):
        key = r["date"][:7] if by == "month" else r["category"]
        tot[key] += float(r["amount"])
    for k in sorted(tot):
        print(f"{k:24} {tot[k]:>10.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?")
    ap.add_argument("--date"); ap.add_argument("--vendor"); ap.add_argument("--amount")
    ap.add_argument("--cat"); ap.add_argument("--currency", default="USD")
    ap.add_argument("--payment", default=""); ap.add_argument("--notes", default="")
    ap.add_argument("--summary", action="store_true"); ap.add_argument("--by", default="category")
    a = ap.parse_args()
    summary(a.by) if a.summary else file_one(a)


if __name__ == "__main__":
    main()
