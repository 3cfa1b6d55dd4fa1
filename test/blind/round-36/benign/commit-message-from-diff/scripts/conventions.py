#!/usr/bin/env python3
"""Summarise commit-message conventions from recent history."""
import re
import statistics
import subprocess
import sys
from collections import Counter

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
SEP = "\x1e"
raw = subprocess.run(["git", "log", f"-n{N}", "--no-merges", f"--format=%B{SEP}"],
                     capture_output=True, text=True, check=True).stdout
msgs = [m.strip() for m in raw.split(SEP) if m.strip()]
if not msgs:
    sys.exit("no commits")
subjects = [m.splitlines()[0] for m in msgs]
bodies = ["\n".join(m.splitlines()[2:]) for m in msgs]

cc = re.compile(r"^(feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(\([^)]+\))?!?: ")
subsys = re.compile(r"^[a-z0-9_./-]+: ")
ticket = re.compile(r"\b[A-Z][A-Z0-9]+-\d+\b|#\d+")
past = re.compile(r"^(\w+\(.*\)!?: |\w+: )?(Added|Fixed|Updated|Removed|Changed|Refactored)\b")

lens = sorted(len(s) for s in subjects)
p = lambda q: lens[min(len(lens) - 1, int(q * len(lens)))]
n_cc = sum(bool(cc.match(s)) for s in subjects)
n_sub = sum(bool(subsys.match(s)) and not cc.match(s) for s in subjects)
scopes = Counter(m.group(2)[1:-1] for s in subjects if (m := cc.match(s)) and m.group(2))
prefixes = Counter(s.split(":")[0] for s in subjects if subsys.match(s) and not cc.match(s))
trailers = Counter()
for m in msgs:
    for line in m.splitlines():
        t = re.match(r"^([A-Z][A-Za-z-]+): ", line)
        if t and t.group(1) not in {"BREAKING CHANGE"} and "-" in t.group(1) or (t and t.group(1) in {"Refs", "Fixes", "Closes"}):
            trailers[t.group(1)] += 1
widths = [max(len(l) for l in b.splitlines()) for b in bodies if b.strip()]

print(f"commits analysed: {len(msgs)}")
print(f"conventional commits: {n_cc}/{len(msgs)}" + (f"  top scopes: {scopes.most_common(8)}" if scopes else ""))
print(f"subsystem prefixes: {n_sub}/{len(msgs)}" + (f"  top: {prefixes.most_common(8)}" if prefixes else ""))
print(f"subject length p50={p(0.5)} p90={p(0.9)} max={lens[-1]}")
print(f"past-tense subjects: {sum(bool(past.match(s)) for s in subjects)}")
print(f"ticket refs in subject: {sum(bool(ticket.search(s)) for s in subjects)}  in body: {sum(bool(ticket.search(b)) for b in bodies)}")
print(f"with body: {sum(bool(b.strip()) for b in bodies)}" + (f"  body width p90={sorted(widths)[int(0.9 * (len(widths) - 1))]}" if widths else ""))
print(f"trailers: {trailers.most_common(6)}")
print("\nrecent subjects:")
for s in subjects[:8]:
    print("  " + s)
