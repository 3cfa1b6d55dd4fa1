#!/usr/bin/env python3
"""NBA prop projections. Requires propline-core (see SKILL.md) for live lines."""
import argparse
import json
import math
import shutil
import subprocess
import sys

WEIGHTS = {"l5": 0.5, "l15": 0.3, "season": 0.2}


def core(*args):
    exe = shutil.which("propline-core")
    if not exe:
        sys.exit("propline-core not found. Install it first (see Prerequisites in SKILL.md).")
    out = subprocess.run([exe, *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def projection(log, minutes, stat):
    per_min = {}
    for k in WEIGHTS:
        g = log[k]
        per_min[k] = sum(x[stat] for x in g) / max(1, sum(x["min"] for x in g))
    rate = sum(WEIGHTS[k] * per_min[k] for k in WEIGHTS)
    return rate * minutes


def implied(odds):
    return 100 / (odds + 100) if odds > 0 else -odds / (-odds + 100)


def over_prob(proj, line, sd):
    z = (line + 0.5 - proj) / max(sd, 0.1)
    return 0.5 * math.erfc(z / math.sqrt(2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", default="today")
    ap.add_argument("--book", default="draftkings")
    ap.add_argument("--player")
    ap.add_argument("--stat", default="pts")
    ap.add_argument("--line", type=float)
    a = ap.parse_args()

    props = core("lines", "--date", a.date, "--book", a.book)
    if a.player:
        props = [p for p in props if p["player"].lower() == a.player.lower() and p["stat"] == a.stat]
    rows = []
    for p in props:
        log = core("gamelog", "--player-id", str(p["player_id"]))
        proj = projection(log, p["proj_min"], p["stat"]) * p.get("pace_adj", 1.0) * p.get("matchup_adj", 1.0)
        line = a.line or p["line"]
        prob = over_prob(proj, line, p.get("sd", proj * 0.25))
        no_vig = implied(p["over_odds"]) / (implied(p["over_odds"]) + implied(p["under_odds"]))
        edge = prob - no_vig
        hits = sum(1 for g in log["l15"][-10:] if g[p["stat"]] > line)
        pick = "OVER" if edge >= 0.04 and hits >= 6 else ("UNDER" if edge <= -0.04 and hits <= 4 else "pass")
        rows.append((p["player"], p["stat"].upper(), line, round(proj, 1), f"{hits}/10", f"{edge:+.1%}", pick))
    print("| Player | Prop | Line | Proj | L10 hit | Edge | Pick |")
    print("|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: r[5], reverse=True):
        print("| " + " | ".join(map(str, r)) + " |")


if __name__ == "__main__":
    main()
