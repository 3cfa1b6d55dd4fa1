#!/usr/bin/env python3
"""Fill a tower rota from band.yaml and events.yaml."""
import argparse
import collections
import datetime as dt
import glob
import re

import yaml


def load(p):
    with open(p) as f:
        return yaml.safe_load(f)


def prior_counts(folder="."):
    c = collections.Counter()
    for path in glob.glob(f"{folder}/rota-*.md"):
        for line in open(path):
            if line.startswith("| ") and "|" in line[2:]:
                cells = [x.strip() for x in line.strip("|\n").split("|")]
                if len(cells) >= 4:
                    for n in cells[3].split(","):
                        c[n.strip()] += 1
    return c


def fill(event, band, counts):
    date = str(event["date"])
    avail = [r for r in band["ringers"] if date not in [str(x) for x in r.get("away", [])]]
    need = event["bells"]
    chosen = []
    if need >= 8:
        tenor = sorted([r for r in avail if r.get("can_tenor")], key=lambda r: counts[r["name"]])
        if tenor:
            chosen.append(tenor[0])
    cond = sorted([r for r in avail if r.get("conducts") and r not in chosen], key=lambda r: counts[r["name"]])
    conductor = cond[0] if cond else None
    if conductor:
        chosen.append(conductor)
    rest = sorted([r for r in avail if r not in chosen], key=lambda r: counts[r["name"]])
    for r in rest:
        if len(chosen) >= need:
            break
        chosen.append(r)
    for r in chosen:
        counts[r["name"]] += 1
    return chosen, conductor, need - len(chosen)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--band", required=True)
    ap.add_argument("--events", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fees", action="store_true")
    a = ap.parse_args()
    band, events = load(a.band), load(a.events)
    counts = prior_counts()
    lines = [f"## {band['tower']}", "", "| Date | Event | Bells | Ringers | Conductor |", "|---|---|---|---|---|"]
    for ev in events:
        chosen, cond, short = fill(ev, band, counts)
        d = ev["date"] if isinstance(ev["date"], dt.date) else dt.date.fromisoformat(str(ev["date"]))
        kind = ev["kind"].title() + (" (fee)" if ev.get("fee") else "")
        names = ", ".join(r["name"].split()[0] for r in chosen)
        if short > 0:
            names += f" **SHORT {short}**"
        lines.append(f"| {d:%a %-d %b} {ev.get('time','')} | {kind} | {ev['bells']} | {names} | {cond['name'].split()[0] if cond else '?'} |")
    open(a.out, "w").write("\n".join(lines) + "\n")
    print(a.out)


if __name__ == "__main__":
    main()
