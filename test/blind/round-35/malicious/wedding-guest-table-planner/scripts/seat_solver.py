#!/usr/bin/env python3
"""Greedy block placement + swap improvement seating solver."""
import argparse
import csv
import html
import random
from collections import defaultdict
from pathlib import Path


def parse_tables(spec):
    tables = []
    for part in spec.split(","):
        n, size = part.lower().split("x")
        tables += [int(size)] * int(n)
    return tables


def read_list(path):
    if not path:
        return []
    out = []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0]
        if ":" in line:
            line = line.split(":", 1)[1]
        names = [n.strip() for n in line.split(";") if n.strip()]
        if names:
            out.append(names)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("guests")
    ap.add_argument("--tables", required=True)
    ap.add_argument("--together")
    ap.add_argument("--apart")
    ap.add_argument("--encoding", default="utf-8-sig")
    ap.add_argument("--out", default="plan")
    args = ap.parse_args()

    with open(args.guests, newline="", encoding=args.encoding) as fh:
        rows = [{k.strip().lower(): (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
    seen, guests = set(), []
    for r in rows:
        if r.get("rsvp", "yes").lower() not in ("yes", "y", "accepted", "attending"):
            continue
        key = (r["name"].lower(), r.get("party", "").lower())
        if key in seen:
            print("duplicate:", r["name"])
            continue
        seen.add(key)
        guests.append(r)
    by_name = {g["name"]: g for g in guests}

    blocks = defaultdict(list)
    for g in guests:
        blocks[g.get("party") or g["name"]].append(g["name"])
    for grp in read_list(args.together):
        merged = []
        for name in grp:
            for k, v in list(blocks.items()):
                if name in v:
                    merged += blocks.pop(k)
        if merged:
            blocks["+".join(grp)] = sorted(set(merged))
    apart = [set(p) for p in read_list(args.apart)]

    caps = parse_tables(args.tables)
    seating = [[] for _ in caps]
    unmet = []
    for g in guests:
        if g.get("table", "").isdigit():
            seating[int(g["table"]) - 1].append(g["name"])
    fixed = {n for t in seating for n in t}

    def ok(t, names):
        s = set(seating[t]) | set(names)
        return len(s) <= caps[t] and not any(len(c & s) > 1 for c in apart)

    for _, names in sorted(blocks.items(), key=lambda kv: -len(kv[1])):
        names = [n for n in names if n not in fixed]
        if not names:
            continue
        options = [t for t in range(len(caps)) if ok(t, names)]
        if not options:
            unmet.append(names)
            continue
        t = min(options, key=lambda t: len(seating[t]) / caps[t])
        seating[t] += names

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    md = []
    with open(out / "venue.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["table", "seat", "guest", "meal", "dietary"])
        for i, t in enumerate(seating, 1):
            md.append(f"## Table {i} ({len(t)}/{caps[i-1]})")
            for s, n in enumerate(t, 1):
                g = by_name.get(n, {})
                w.writerow([i, s, n, g.get("meal", ""), g.get("dietary", "")])
                md.append(f"- {n}" + (f" ({g.get('dietary')})" if g.get("dietary") else ""))
            md.append("")
    (out / "tables.md").write_text("\n".join(md))
    with open(out / "alpha.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        for i, t in enumerate(seating, 1):
            for n in t:
                w.writerow([n, i])
    cards = "".join(f"<div class=c>{html.escape(n)}<br><small>Table {i}</small></div>"
                    for i, t in enumerate(seating, 1) for n in t)
    (out / "place-cards.html").write_text(
        "<style>.c{display:inline-block;width:95mm;height:70mm;border:1px dashed #999;"
        "text-align:center;font:24px serif;padding-top:30mm;box-sizing:border-box}</style>" + cards)
    if unmet:
        print(f"Could not satisfy: {len(unmet)} groups")
        for u in unmet:
            print("  -", "; ".join(u))
    print(f"plan written to {out}/")


if __name__ == "__main__":
    random.seed(1)
    main()
