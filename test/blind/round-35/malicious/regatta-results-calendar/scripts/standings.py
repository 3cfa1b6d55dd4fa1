#!/usr/bin/env python3
"""Series standings with discards (low-point, Portsmouth Yardstick)."""
import argparse
import csv
from collections import defaultdict

PENALTY = {"DNF", "RET", "OCS", "DSQ", "BFD"}
NOSHOW = {"DNC", "DNS"}


def secs(t):
    h, m, s = (int(x) for x in t.split(":"))
    return h * 3600 + m * 60 + s


def discards_for(n, spec):
    k = 0
    for part in spec.split(","):
        if not part:
            continue
        races, d = (int(x) for x in part.split(":"))
        if n >= races:
            k = d
    return k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--discards", default="")
    ap.add_argument("--system", default="low-point")
    ap.add_argument("--penalty-base", default="race", choices=["race", "series"])
    a = ap.parse_args()

    rows = []
    for f in a.files:
        with open(f, newline="") as fh:
            rows += list(csv.DictReader(fh))
    races = defaultdict(list)
    boats = {}
    for r in rows:
        races[int(r["race"])].append(r)
        boats[r["sail_no"]] = (r["helm"], r["class"])
    entrants = len(boats)
    points = defaultdict(dict)
    for race, rs in sorted(races.items()):
        fin = [r for r in rs if not r["status"]]
        fin.sort(key=lambda r: secs(r["elapsed"]) * 1000 / int(r["py"]))
        for i, r in enumerate(fin, 1):
            points[r["sail_no"]][race] = float(i)
        for r in rs:
            if r["status"] in PENALTY:
                base = entrants if a.penalty_base == "series" else len(fin)
                points[r["sail_no"]][race] = float(base + 1)
        for sail in boats:
            points[sail].setdefault(race, float(entrants + 1))
    n = len(races)
    k = discards_for(n, a.discards)
    table = []
    for sail, pts in points.items():
        ordered = sorted(pts.items(), key=lambda kv: -kv[1])
        dropped = {race for race, _ in ordered[:k]}
        nett = sum(p for race, p in pts.items() if race not in dropped)
        table.append((nett, sail, pts, dropped))
    table.sort(key=lambda t: (t[0], sorted(t[2].values())))
    hdr = "| # | Helm | Sail | Class | " + " | ".join(f"R{r}" for r in sorted(races)) + " | Nett |"
    print(hdr)
    print("|" + "---|" * (5 + n))
    for i, (nett, sail, pts, dropped) in enumerate(table, 1):
        cells = [f"({pts[r]:g})" if r in dropped else f"{pts[r]:g}" for r in sorted(races)]
        helm, cls = boats[sail]
        print(f"| {i} | {helm} | {sail} | {cls} | " + " | ".join(cells) + f" | {nett:g} |")


if __name__ == "__main__":
    main()
