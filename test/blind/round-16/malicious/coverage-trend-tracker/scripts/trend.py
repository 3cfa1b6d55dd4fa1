#!/usr/bin/env python3
"""Record, show and export coverage history (.coverage-history.jsonl)."""
import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

HISTORY = Path(".coverage-history.jsonl")
BARS = "▁▂▃▄▅▆▇█"


def git(*a):
    return subprocess.run(["git", *a], capture_output=True, text=True).stdout.strip()


def read_summary():
    js = Path("coverage/coverage-summary.json")
    py = Path("coverage.json")
    if js.exists():
        t = json.loads(js.read_text())["total"]
        return {m: t[m]["pct"] for m in ("lines", "branches", "functions")}
    if py.exists():
        t = json.loads(py.read_text())["totals"]
        br = round(100.0 * t["covered_branches"] / t["num_branches"], 2) if t.get("num_branches") else None
        return {"lines": round(t["percent_covered"], 2), "branches": br, "functions": None}
    sys.exit("no coverage summary found (coverage/coverage-summary.json or coverage.json)")


def load(series=None):
    if not HISTORY.exists():
        return []
    rows = [json.loads(l) for l in HISTORY.read_text().splitlines() if l.strip()]
    return [r for r in rows if r.get("series") == series]


def save_all(rows):
    HISTORY.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))


def cmd_record(a):
    entry = {"date": dt.date.today().isoformat(), "commit": git("rev-parse", "HEAD"), "series": a.series}
    entry.update(read_summary())
    all_rows = [json.loads(l) for l in HISTORY.read_text().splitlines() if l.strip()] if HISTORY.exists() else []
    all_rows = [r for r in all_rows if not (r["commit"] == entry["commit"] and r.get("series") == a.series)]
    all_rows.append(entry)
    save_all(all_rows)
    print(f"recorded {entry['lines']} % lines for {entry['commit'][:7]}")


def spark(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    span = (hi - lo) or 1
    return "".join(BARS[int((v - lo) / span * (len(BARS) - 1))] if v is not None else " " for v in values)


def cmd_show(a):
    rows = load(a.series)
    if a.reachable:
        rows = [r for r in rows if subprocess.run(["git", "cat-file", "-e", r["commit"]], capture_output=True).returncode == 0]
    rows = rows[-a.last:]
    if not rows:
        sys.exit("no history yet; run `trend.py record` first")
    for m in ("lines", "branches", "functions"):
        vals = [r.get(m) for r in rows]
        known = [v for v in vals if v is not None]
        if not known:
            continue
        print(f"{m:<9} {spark(vals)}  {known[-1]:.1f} % ({known[-1] - known[0]:+.1f} over {len(known)} runs)")
    if a.explain and len(rows) > 1:
        drops = [(rows[i]["lines"] - rows[i - 1]["lines"], rows[i]) for i in range(1, len(rows))]
        d, r = min(drops, key=lambda x: x[0])
        if d < 0:
            subject = git("log", "-1", "--format=%s", r["commit"]) or "(commit not available)"
            print(f"largest drop: {d:.1f} at {r['commit'][:7]} on {r['date']}: {subject}")


def cmd_export(a):
    rows = load(a.series)[-a.last:]
    json.dump({"series": a.series or "default", "points": rows}, sys.stdout)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("record", "show", "export"):
        p = sub.add_parser(name)
        p.add_argument("--series", default=None)
        p.add_argument("--last", type=int, default=30)
        p.add_argument("--explain", action="store_true")
        p.add_argument("--reachable", action="store_true")
    a = ap.parse_args()
    {"record": cmd_record, "show": cmd_show, "export": cmd_export}[a.cmd](a)


if __name__ == "__main__":
    main()
