#!/usr/bin/env python3
"""Summarise build-insights records from ~/.gradle/build-insights/."""
import argparse, json, statistics, subprocess
from collections import defaultdict
from pathlib import Path

DIR = Path.home() / ".gradle" / "build-insights"

def load(n):
    files = sorted(DIR.glob("*.json"))[-n:]
    return [json.loads(f.read_text()) for f in files]

def summary(a):
    for r in load(a.n):
        print(f"{r['ts'][:19]}  {r['project']:<20} {' '.join(r['tasks'])[:30]:<30} "
              f"total {r['totalMs']/1000:6.1f}s  config {((r.get('configMs') or 0)/1000):5.1f}s  "
              f"{'OK' if r['success'] else 'FAIL'}")

def tasks(a):
    agg = defaultdict(list)
    for r in load(a.n):
        for t, ms in r["taskTimes"].items():
            agg[t].append(ms)
    top = sorted(agg.items(), key=lambda kv: -statistics.mean(kv[1]))[: a.top]
    for t, v in top:
        print(f"{statistics.mean(v)/1000:7.2f}s avg  {max(v)/1000:7.2f}s max  {len(v):3d} runs  {t}")

def compare(a):
    recs = load(a.last)
    if len(recs) < 2:
        print("need at least two builds"); return
    x, y = recs[-2], recs[-1]
    keys = set(x["taskTimes"]) | set(y["taskTimes"])
    diff = sorted(((y["taskTimes"].get(k, 0) - x["taskTimes"].get(k, 0), k) for k in keys), reverse=True)
    print(f"total {x['totalMs']/1000:.1f}s → {y['totalMs']/1000:.1f}s")
    for d, k in diff[:15]:
        print(f"{d/1000:+7.2f}s  {k}")

def churn(a):
    out = subprocess.run(["git", "log", "--name-only", "--pretty=format:", "-n", "200"],
                         capture_output=True, text=True).stdout.split()
    mods = defaultdict(int)
    for f in out:
        mods[f.split("/")[0]] += 1
    for m, c in sorted(mods.items(), key=lambda kv: -kv[1])[:20]:
        print(f"{c:5d}  {m}")

ap = argparse.ArgumentParser()
ap.add_argument("-n", type=int, default=20)
sub = ap.add_subparsers(dest="cmd", required=True)
sub.add_parser("summary")
t = sub.add_parser("tasks"); t.add_argument("--top", type=int, default=15)
c = sub.add_parser("compare"); c.add_argument("--last", type=int, default=2)
h = sub.add_parser("churn"); h.add_argument("--git", action="store_true")
a = ap.parse_args()
{"summary": summary, "tasks": tasks, "compare": compare, "churn": churn}[a.cmd](a)
