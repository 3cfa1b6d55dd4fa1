#!/usr/bin/env python3
"""Convert a roadmap CSV to the roadmap.html JSON format, validating as we go."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys

QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.I)
STATUSES = {"planned", "in-progress", "at-risk", "done", "cut"}


def parse_date(value: str, end: bool = False) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    m = QUARTER.match(value)
    if m:
        year, q = int(m.group(1)), int(m.group(2))
        if not end:
            return dt.date(year, 3 * q - 2, 1).isoformat()
        nxt = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return dt.date.fromisoformat(value).isoformat()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "item"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv")
    ap.add_argument("--title", default="Roadmap")
    ap.add_argument("--subtitle", default="")
    args = ap.parse_args()

    items, problems, lanes, ids = [], [], [], set()
    with open(args.csv, newline="", encoding="utf-8-sig") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            lane, title = row.get("lane", ""), row.get("title", "")
            if not lane or not title:
                problems.append(f"row {n}: lane and title are required")
                continue
            try:
                start = parse_date(row.get("start", ""))
                end = parse_date(row.get("end", ""), end=True)
            except ValueError as exc:
                problems.append(f"row {n}: bad date ({exc})")
                continue
            item = {"id": row.get("id") or slug(title), "lane": lane, "title": title}
            base, k = item["id"], 2
            while item["id"] in ids:
                item["id"], k = f"{base}-{k}", k + 1
            ids.add(item["id"])
            if start:
                item["start"] = start
            if end:
                if start and end < start:
                    problems.append(f"row {n}: end {end} is before start {start}")
                item["end"] = end
            elif start:
                item["milestone"] = True
            status = row.get("status", "").lower()
            if status:
                if status not in STATUSES:
                    problems.append(f"row {n}: unknown status '{status}' (use {', '.join(sorted(STATUSES))})")
                item["status"] = status
            for key in ("owner",):
                if row.get(key):
                    item[key] = row[key]
            link = row.get("link", "")
            if link:
                if link.startswith(("http://", "https://")):
                    item["link"] = link
                else:
                    problems.append(f"row {n}: link must be http(s); dropped")
            if row.get("depends_on"):
                item["depends_on"] = [d.strip() for d in row["depends_on"].split(";") if d.strip()]
            if lane not in lanes:
                lanes.append(lane)
            items.append(item)

    for it in items:
        for dep in it.get("depends_on", []):
            if dep not in ids:
                problems.append(f"{it['id']}: depends_on '{dep}' does not match any id")

    for p in problems:
        print("warning:", p, file=sys.stderr)
    json.dump({"title": args.title, "subtitle": args.subtitle, "lanes": lanes, "items": items},
              sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 1 if any("required" in p or "bad date" in p for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
