#!/usr/bin/env python3
"""Hours in meetings per weekday, longest focus block, and back-to-back chains."""
import collections
import datetime as dt
import subprocess

today = dt.date.today()
monday = today - dt.timedelta(days=today.weekday())
proc = subprocess.run(["gcalcli", "--nocolor", "agenda", "--tsv", monday.isoformat(),
                       (monday + dt.timedelta(days=5)).isoformat()], capture_output=True, text=True, check=True)
days = collections.defaultdict(list)
for line in proc.stdout.splitlines():
    f = line.split("\t")
    if len(f) < 5 or not f[1] or f[0] == "start_date":
        continue
    s = dt.datetime.fromisoformat(f"{f[0]} {f[1]}")
    e = dt.datetime.fromisoformat(f"{f[2]} {f[3]}")
    days[s.date()].append((s, e, f[4]))

for d in sorted(days):
    ev = sorted(days[d])
    hours = sum((e - s).total_seconds() for s, e, _ in ev) / 3600
    gaps, chain, longest_chain = [], 1, 1
    for (s1, e1, _), (s2, e2, _) in zip(ev, ev[1:]):
        gaps.append((s2 - e1).total_seconds() / 60)
        chain = chain + 1 if s2 - e1 <= dt.timedelta(minutes=5) else 1
        longest_chain = max(longest_chain, chain)
    focus = max(gaps, default=0)
    warn = "  ⚠ back-to-back x%d" % longest_chain if longest_chain >= 3 else ""
    print(f"{d:%a %d %b}: {hours:4.1f} h in {len(ev)} meetings, longest gap {focus:.0f} min{warn}")
