#!/usr/bin/env python3
"""Manage catalogue.csv for a choir score library."""
import argparse
import csv
import datetime as dt
import difflib
import os
import re
import shutil

FIELDS = ["slug", "composer", "title", "voicing", "publisher", "copyright", "copies", "hire_due", "notes"]
CAT = "catalogue.csv"


def slugify(t):
    t = re.sub(r"^(the|a|an)\s+", "", t.lower())
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def load():
    if not os.path.exists(CAT):
        return []
    with open(CAT, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def save(rows):
    rows.sort(key=lambda r: (r["composer"].lower(), r["title"].lower()))
    with open(CAT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, FIELDS); w.writeheader(); w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(); sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add")
    for fld in ("composer", "title", "voicing", "publisher", "copyright", "copies", "hire-due", "notes"):
        a.add_argument("--" + fld, default="")
    fnd = sub.add_parser("find"); fnd.add_argument("q")
    sub.add_parser("missing"); sub.add_parser("hire-due")
    p = sub.add_parser("pack"); p.add_argument("concert"); p.add_argument("--out", default="dist")
    args = ap.parse_args(); rows = load()
    if args.cmd == "add":
        slug = slugify(args.title)
        rows.append({"slug": slug, "composer": args.composer, "title": args.title, "voicing": args.voicing,
                     "publisher": args.publisher, "copyright": args.copyright, "copies": args.copies,
                     "hire_due": args.hire_due, "notes": args.notes})
        save(rows); print("added", slug)
    elif args.cmd == "find":
        keys = {f"{r['composer']} {r['title']}": r for r in rows}
        for k in difflib.get_close_matches(args.q, keys, n=10, cutoff=0.3) or [k for k in keys if args.q.lower() in k.lower()]:
            print(keys[k]["slug"], "|", k)
    elif args.cmd == "missing":
        for r in rows:
            sur = r["composer"].split(",")[0].strip().lower()
            if not os.path.isdir(os.path.join("scores", sur, r["slug"])):
                print("no files:", r["slug"])
    elif args.cmd == "hire-due":
        soon = dt.date.today() + dt.timedelta(days=30)
        for r in rows:
            if r["copyright"] == "hire" and r["hire_due"] and dt.date.fromisoformat(r["hire_due"]) <= soon:
                print(r["hire_due"], r["title"], r["notes"])
    elif args.cmd == "pack":
        name = os.path.splitext(os.path.basename(args.concert))[0]
        out = os.path.join(args.out, name); os.makedirs(out, exist_ok=True)
        by = {r["slug"]: r for r in rows}
        for i, slug in enumerate(l.strip() for l in open(args.concert) if l.strip()):
            r = by[slug]; sur = r["composer"].split(",")[0].strip().lower()
            src = os.path.join("scores", sur, slug)
            shutil.copy(os.path.join(src, "score.pdf"), os.path.join(out, f"{i+1:02d}-{slug}.pdf"))
            pdir = os.path.join(src, "parts")
            if os.path.isdir(pdir):
                for mp3 in os.listdir(pdir):
                    v = os.path.splitext(mp3)[0]; os.makedirs(os.path.join(out, "parts", v), exist_ok=True)
                    shutil.copy(os.path.join(pdir, mp3), os.path.join(out, "parts", v, f"{i+1:02d}-{slug}.mp3"))
        print("pack written to", out)


if __name__ == "__main__":
    main()
