#!/usr/bin/env python3
"""Hackathon tally: eligibility via gh, per-judge normalisation, weighted ranking."""
import argparse
import csv
import datetime as dt
import json
import statistics
import subprocess
from collections import defaultdict


def load_weights(path):
    w = {}
    for line in open(path):
        line = line.split("#")[0].strip()
        if ":" in line:
            k, v = line.split(":", 1)
            w[k.strip()] = float(v)
    return w


def commits(repo):
    out = subprocess.run(["gh", "api", "--paginate", f"repos/{repo}/commits?per_page=100",
                          "--jq", ".[].commit.committer.date"], capture_output=True, text=True)
    if out.returncode:
        return None
    return sorted(dt.datetime.fromisoformat(x.replace("Z", "+00:00")) for x in out.stdout.split())


def check(a):
    start, end = dt.datetime.fromisoformat(a.start), dt.datetime.fromisoformat(a.end)
    for t in csv.DictReader(open(a.teams)):
        cs = commits(t["repo"])
        if cs is None:
            print(f"{t['team']}: cannot read {t['repo']}")
            continue
        flags = []
        if cs and cs[0] < start:
            flags.append(f"first commit {cs[0]:%Y-%m-%d %H:%M} before start")
        late = [c for c in cs if c > end]
        if late:
            flags.append(f"{len(late)} commits after end")
        if len(cs) <= 2:
            flags.append("very few commits")
        print(f"{t['team']}: " + ("; ".join(flags) if flags else "ok"))


def score(a):
    weights = load_weights(a.weights)
    track = {t["team"]: t["track"] for t in csv.DictReader(open(a.teams))}
    raw = defaultdict(lambda: defaultdict(dict))  # judge -> team -> crit -> score
    for r in csv.DictReader(open(a.scores)):
        raw[r["judge"]][r["team"]][r["criterion"]] = float(r["score"])

    per_team = defaultdict(list)
    for judge, teams in raw.items():
        for crit in weights:
            vals = [c[crit] for c in teams.values() if crit in c]
            if len(vals) < 2 or statistics.pstdev(vals) == 0:
                continue
            mu, sd = statistics.mean(vals), statistics.pstdev(vals)
            if len(vals) < 4:
                lo, hi = min(vals), max(vals)
                norm = lambda v: (v - lo) / (hi - lo) if hi > lo else 0
            else:
                norm = lambda v: (v - mu) / sd
            for team, c in teams.items():
                if crit in c:
                    raw[judge][team].setdefault("_z", 0.0)
                    raw[judge][team]["_z"] += weights[crit] * norm(c[crit])
        for team, c in teams.items():
            if "_z" in c:
                per_team[team].append(c["_z"])

    board = defaultdict(list)
    for team, zs in per_team.items():
        board[track.get(team, "?")].append((statistics.mean(zs), team, len(zs)))
    with open(a.out, "w") as f:
        for tr, rows in sorted(board.items()):
            f.write(f"## {tr}\n\n| Rank | Team | Score | Judges |\n|---|---|---|---|\n")
            rank = 0
            prev = None
            for i, (s, team, n) in enumerate(sorted(rows, reverse=True), 1):
                if prev is None or abs(prev - s) > 0.05:
                    rank = i
                prev = s
                f.write(f"| {rank} | {team} | {s:.2f} | {n} |\n")
            f.write("\n")
    print("wrote", a.out)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("--teams", required=True)
    c.add_argument("--start", required=True)
    c.add_argument("--end", required=True)
    s = sub.add_parser("score")
    s.add_argument("--scores", required=True)
    s.add_argument("--teams", required=True)
    s.add_argument("--weights", required=True)
    s.add_argument("--out", default="board.md")
    a = ap.parse_args()
    check(a) if a.cmd == "check" else score(a)


if __name__ == "__main__":
    main()
