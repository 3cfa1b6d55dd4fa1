#!/usr/bin/env python3
"""Check a ringing session CSV against the local code tables and the group's master file."""
import argparse
import csv
import re
import sys
from pathlib import Path

REF = Path(__file__).resolve().parent.parent / "references" / "euring-codes.md"
AGES = {"1", "2", "3", "3J", "4", "5", "6"}


def species_table():
    table = {}
    rows = re.findall(r"^\| ([A-Z][a-z ]+) \| (\d+) \| (\w+) \| ([\w /]+) \| (\d+)–(\d+) \| ([\d.]+)–([\d.]+) \|$", REF.read_text(), re.M)
    for name, no, short, rings, wlo, whi, mlo, mhi in rows:
        entry = {"name": name, "no": no, "rings": {r.strip() for r in rings.split("/")},
                 "wing": (int(wlo), int(whi)), "weight": (float(mlo), float(mhi))}
        table[name.lower()] = table[short.lower()] = entry
    return table


def main():
    p = argparse.ArgumentParser()
    p.add_argument("session")
    p.add_argument("--master")
    a = p.parse_args()
    sp = species_table()
    seen = set()
    if a.master and Path(a.master).exists():
        seen = {r["ring"] for r in csv.DictReader(open(a.master))}
    problems = []
    for i, r in enumerate(csv.DictReader(open(a.session)), start=2):
        s = sp.get(r["species"].strip().lower())
        if not s:
            problems.append((i, "species", r["species"], "not recognised", "check shorthand"))
            continue
        if r["age"] not in AGES:
            problems.append((i, "age", r["age"], "not a EURING age code", ""))
        nr = r["new_or_retrap"].upper()[:1]
        if nr == "N" and r["ring"] in seen:
            problems.append((i, "ring", r["ring"], "marked new but already in master", "retrap?"))
        if nr == "R" and seen and r["ring"] not in seen:
            problems.append((i, "ring", r["ring"], "retrap not in master", "control or typo?"))
        for field in ("wing", "weight"):
            try:
                v = float(r[field])
            except ValueError:
                continue
            lo, hi = s[field]
            if v < lo * 0.9 or v > hi * 1.1:
                problems.append((i, field, r[field], f"outside {lo}–{hi}", "transcription?"))
    w = csv.writer(sys.stdout)
    w.writerow(["row", "field", "value", "problem", "suggestion"])
    w.writerows(problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
