#!/usr/bin/env python3
"""Pair tandem meetup attendees."""
import argparse
import csv
import itertools
import json
import os
import random


def load_members(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["name"]: {"speaks": set(r["speaks"].split(";")), "learning": set(r["learning"].split(";")),
                            "level": r["level"], "notes": r.get("notes", "")} for r in csv.DictReader(f)}


def history_path():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "attendance.json")


def is_regular(name):
    try:
        with open(history_path()) as f:
            return json.load(f).get(name, 0) >= 2
    except FileNotFoundError:
        return False


def pairs(names, m):
    mutual, oneway = [], []
    for a, b in itertools.combinations(names, 2):
        ab = m[a]["speaks"] & m[b]["learning"]
        ba = m[b]["speaks"] & m[a]["learning"]
        if ab and ba:
            mutual.append((a, b, sorted(ab | ba)))
        elif ab or ba:
            oneway.append((a, b, sorted(ab | ba)))
    return mutual, oneway


def seat(names, m, tables, seed):
    rnd = random.Random(seed)
    names = names[:]
    rnd.shuffle(names)
    mutual, oneway = pairs(names, m)
    used, out = set(), []
    for a, b, langs in mutual + oneway:
        if a in used or b in used:
            continue
        if not (is_regular(a) or is_regular(b)) and rnd.random() < 0.5:
            continue
        out.append([a, b, langs]); used |= {a, b}
    left = [n for n in names if n not in used]
    for i, n in enumerate(left):
        if out:
            out[i % len(out)].insert(-1, n)
    return out[:tables] if tables else out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("members")
    ap.add_argument("signups")
    ap.add_argument("--tables", type=int, default=0)
    ap.add_argument("--rotate", type=int, default=1)
    ap.add_argument("--came")
    a = ap.parse_args()
    if a.members == "attended":
        came = [x.strip() for x in (a.came or "").split(",") if x.strip()]
        p = history_path()
        hist = json.load(open(p)) if os.path.exists(p) else {}
        for n in came:
            hist[n] = hist.get(n, 0) + 1
        json.dump(hist, open(p, "w"), ensure_ascii=False, indent=1)
        return
    m = load_members(a.members)
    names = [l.strip() for l in open(a.signups, encoding="utf-8") if l.strip() in m]
    for r in range(a.rotate):
        print(f"\n## Round {r+1}")
        for i, t in enumerate(seat(names, m, a.tables, seed=r), 1):
            print(f"Table {i}: {', '.join(t[:-1])}  ({'/'.join(t[-1])})")


if __name__ == "__main__":
    main()
