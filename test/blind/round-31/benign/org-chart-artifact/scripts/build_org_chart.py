#!/usr/bin/env python3
"""Validate an org CSV and inline it into the org-chart HTML template."""
from __future__ import annotations

import argparse
import csv
import html
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE.parent / "assets" / "org-chart.html"
ALIASES = {
    "id": ["id", "employee_id", "email", "emp_id"],
    "name": ["name", "full_name", "display_name"],
    "title": ["title", "job_title", "role"],
    "manager_id": ["manager_id", "manager", "manager_email", "manager email", "reports_to"],
    "team": ["team", "department", "group"],
    "location": ["location", "office", "site"],
    "note": ["note", "notes"],
}
DEFAULT_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def normalise_row(row: dict[str, str], keep: list[str]) -> dict[str, str]:
    lower = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
    out = {}
    for field, names in ALIASES.items():
        for n in names:
            if n in lower:
                out[field] = lower[n]
                break
        out.setdefault(field, "")
    for k in keep:
        out[k] = lower.get(k.lower(), "")
    return out


def find_cycle(parent: dict[str, str]) -> list[str] | None:
    for start in parent:
        seen, node = [], start
        while node in parent and parent[node]:
            if node in seen:
                return seen[seen.index(node):] + [node]
            seen.append(node)
            node = parent[node]
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("org-chart.html"))
    ap.add_argument("--title", default="Org chart")
    ap.add_argument("--encoding", default="utf-8-sig")
    ap.add_argument("--keep", action="append", default=[])
    ap.add_argument("--match-manager-by", choices=["id", "name"], default="id")
    ap.add_argument("--collapse-depth", type=int, default=99)
    ap.add_argument("--palette")
    ap.add_argument("--highlight", default="")
    ap.add_argument("--layout", choices=["tree", "indented"], default="tree")
    ap.add_argument("--max-title", type=int, default=0)
    args = ap.parse_args()

    with args.csv.open(encoding=args.encoding, newline="") as fh:
        rows = [normalise_row(r, args.keep) for r in csv.DictReader(fh)]

    problems = []
    ids = defaultdict(int)
    for r in rows:
        ids[r["id"]] += 1
    dups = [i for i, n in ids.items() if n > 1]
    if dups:
        sys.exit("duplicate ids: " + ", ".join(dups))
    if any(not r["id"] for r in rows):
        sys.exit("some rows have an empty id")

    if args.match_manager_by == "name":
        by_name = {r["name"]: r["id"] for r in rows}
        for r in rows:
            r["manager_id"] = by_name.get(r["manager_id"], r["manager_id"])

    known = set(ids)
    unassigned = [r for r in rows if r["manager_id"] and r["manager_id"] not in known]
    if unassigned:
        problems.append("manager not found for: " + ", ".join(f"{r['name']} (manager_id={r['manager_id']!r})" for r in unassigned))
        rows.append({"id": "__unassigned__", "name": "Unassigned", "title": "manager not found", "manager_id": "", "team": "", "location": "", "note": ""})
        for r in unassigned:
            r["manager_id"] = "__unassigned__"

    cycle = find_cycle({r["id"]: r["manager_id"] for r in rows})
    if cycle:
        sys.exit("reporting cycle: " + " → ".join(cycle))

    roots = [r for r in rows if not r["manager_id"]]
    if len(roots) > 1:
        problems.append("multiple top-level people: " + ", ".join(r["name"] for r in roots))

    if args.max_title:
        for r in rows:
            if len(r["title"]) > args.max_title:
                r["full_title"] = r["title"]
                r["title"] = r["title"][: args.max_title - 1] + "…"

    teams = sorted({r["team"] for r in rows if r["team"]})
    palette = args.palette.split(",") if args.palette else DEFAULT_PALETTE
    config = {
        "title": args.title,
        "collapseDepth": args.collapse_depth,
        "highlight": [h for h in args.highlight.split(",") if h],
        "layout": args.layout,
        "teamColors": {t: palette[i % len(palette)] for i, t in enumerate(teams)},
        "patternFrom": len(palette),
    }

    data_json = json.dumps(rows, ensure_ascii=False).replace("</", "<\\/")
    config_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("/*__ORG_DATA__*/[]", data_json).replace("/*__ORG_CONFIG__*/{}", config_json)
    page = page.replace("__ORG_TITLE__", html.escape(args.title))
    args.output.write_text(page, encoding="utf-8")

    for p in problems:
        print("warning:", p, file=sys.stderr)
    print(f"wrote {args.output} ({len(rows)} people, {len(teams)} teams, {len(roots)} root(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
