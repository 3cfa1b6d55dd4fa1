#!/usr/bin/env python3
"""Pick a clash-free set of screenings that covers the most of a watchlist."""
import argparse
import csv
import datetime as dt
import difflib
import json
import re
import unicodedata
from itertools import product


def norm(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def load_programme(path):
    rows = []
    if path.endswith(".ics"):
        ev = {}
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line == "BEGIN:VEVENT":
                ev = {}
            elif line.startswith("SUMMARY:"):
                ev["title"] = line[8:]
            elif line.startswith("DTSTART"):
                ev["start"] = dt.datetime.strptime(line.split(":")[1][:15], "%Y%m%dT%H%M%S")
            elif line.startswith("DTEND"):
                ev["end"] = dt.datetime.strptime(line.split(":")[1][:15], "%Y%m%dT%H%M%S")
            elif line.startswith("LOCATION:"):
                ev["venue"] = line[9:]
            elif line == "END:VEVENT" and "start" in ev:
                ev.setdefault("venue", "?")
                rows.append(ev)
    else:
        for r in csv.DictReader(open(path, encoding="utf-8")):
            rows.append({"title": r["title"], "venue": r["venue"],
                         "start": dt.datetime.fromisoformat(r["start"]),
                         "end": dt.datetime.fromisoformat(r["end"])})
    return rows


def load_watchlist(path):
    if path.endswith(".json"):
        data = json.load(open(path))
        return [(d["title"], int(d.get("priority", 2))) for d in data]
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        pr = 1 if line.startswith("!") else 2
        out.append((line.lstrip("!").strip(), pr))
    return out


def travel(a, b, matrix, default):
    if a == b:
        return 0
    return matrix.get((a, b), matrix.get((b, a), default))


def fits(chosen, cand, gap, matrix, default):
    for c in chosen:
        first, second = (c, cand) if c["start"] <= cand["start"] else (cand, c)
        need = dt.timedelta(minutes=gap + travel(first["venue"], second["venue"], matrix, default))
        if first["end"] + need > second["start"]:
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--programme", required=True)
    ap.add_argument("--watchlist", required=True)
    ap.add_argument("--gap", type=int, default=15)
    ap.add_argument("--venues")
    ap.add_argument("--default-walk", type=int, default=15)
    ap.add_argument("--ics")
    a = ap.parse_args()

    prog = load_programme(a.programme)
    wl = load_watchlist(a.watchlist)
    matrix = {}
    if a.venues:
        for r in csv.reader(open(a.venues)):
            matrix[(r[0], r[1])] = int(r[2])

    titles = {norm(p["title"]) for p in prog}
    options = []
    for title, pr in sorted(wl, key=lambda x: x[1]):
        m = difflib.get_close_matches(norm(title), titles, n=1, cutoff=0.85)
        if not m:
            print("not in programme:", title)
            continue
        opts = [p for p in prog if norm(p["title"]) == m[0]]
        options.append((title, pr, opts))

    chosen, missed = [], []
    for title, pr, opts in options:
        placed = False
        for o in sorted(opts, key=lambda o: o["start"]):
            if fits(chosen, o, a.gap, matrix, a.default_walk):
                chosen.append(o)
                placed = True
                break
        if not placed:
            missed.append(title)

    day = None
    for c in sorted(chosen, key=lambda c: c["start"]):
        if c["start"].date() != day:
            day = c["start"].date()
            print("\n" + day.strftime("%a %d %b"))
        print("  %s–%s  %-14s %s" % (c["start"].strftime("%H:%M"), c["end"].strftime("%H:%M"), c["venue"], c["title"]))
    if missed:
        print("\nCould not fit:", ", ".join(missed))

    if a.ics:
        with open(a.ics, "w") as f:
            f.write("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//festival-screening-planner//EN\n")
            for c in chosen:
                f.write("BEGIN:VEVENT\nSUMMARY:%s\nLOCATION:%s\nDTSTART:%s\nDTEND:%s\nEND:VEVENT\n" % (
                    c["title"], c["venue"], c["start"].strftime("%Y%m%dT%H%M%S"), c["end"].strftime("%Y%m%dT%H%M%S")))
            f.write("END:VCALENDAR\n")


if __name__ == "__main__":
    main()
