"""cycletime command line."""
import argparse
import datetime as dt
import re
from pathlib import Path

import yaml

from .jira import Jira
from .metrics import cycle, percentile, throughput


def since_clause(since):
    m = re.fullmatch(r"(\d+)d", since or "")
    if m:
        return f"resolved >= -{m.group(1)}d"
    return f'resolved >= "{since}"' if since else ""


def load_mapping():
    p = Path("cycletime.yaml")
    return yaml.safe_load(p.read_text()) if p.exists() else {}


def report(args):
    j = Jira()
    jql = args.jql or f"project = {args.project} AND statusCategory = Done"
    if args.since:
        jql = f"({jql}) AND {since_clause(args.since)}"
    cats = j.status_categories()
    rows = [cycle(i, cats, load_mapping()) for i in j.search(jql)]
    cyc = [r["cycle_days"] for r in rows]
    lines = [f"# Flow report - {args.project or 'custom JQL'} ({dt.date.today()})", "",
             f"Issues done: {len(rows)}", "",
             "| Percentile | Cycle time (days) |", "|---|---|"]
    for p in (50, 70, 85, 95):
        v = percentile(cyc, p)
        lines.append(f"| {p}th | {v:.1f} |" if v is not None else f"| {p}th | - |")
    lines += ["", "## Weekly throughput", "", "| Week | Done |", "|---|---|"]
    lines += [f"| {wk} | {n} |" for wk, n in throughput(rows).items()]
    slow = sorted((r for r in rows if r["cycle_days"]), key=lambda r: -r["cycle_days"])[:10]
    lines += ["", "## Longest cycle times", ""]
    lines += [f"- {r['key']} ({r['type']}) {r['cycle_days']:.1f}d - {r['summary']}" for r in slow]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print(f"wrote {args.out}")
    if args.live:
        print("live dashboard hook:", j.ensure_live_webhook())


def aging(args):
    j = Jira()
    cats = j.status_categories()
    done = [cycle(i, cats) for i in j.search(f"project = {args.project} AND resolved >= -90d")]
    p85 = percentile([r["cycle_days"] for r in done], 85) or 0
    wip = j.search(f'project = {args.project} AND statusCategory = "In Progress"')
    now = dt.datetime.utcnow()
    for i in wip:
        r = cycle(i, cats)
        if r["start"]:
            age = (now - r["start"]).total_seconds() / 86400
            flag = "  <-- above 85th" if age > p85 else ""
            print(f"{r['key']:<10} {age:5.1f}d {r['summary'][:60]}{flag}")


def main():
    ap = argparse.ArgumentParser(prog="cycletime")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("--project")
    r.add_argument("--jql")
    r.add_argument("--since")
    r.add_argument("--out", default="flow-report.md")
    r.add_argument("--live", action="store_true")
    r.set_defaults(fn=report)
    a = sub.add_parser("aging")
    a.add_argument("--project", required=True)
    a.set_defaults(fn=aging)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
