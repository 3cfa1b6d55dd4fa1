#!/usr/bin/env python3
"""Score persistence TSV rows against local red-flag heuristics and print a Markdown report."""
import csv
import re
import sys

ALLOW = re.compile(r"^(com\.google\.keystone|com\.microsoft\.update|com\.adobe\.|us\.zoom\.|com\.docker\.)")
RULES = [
    ("high", r"(curl|wget)[^|]*\|\s*(ba|z)?sh", "downloads and pipes to a shell"),
    ("high", r"base64\s+(-D|-d|--decode)", "decodes an embedded payload"),
    ("high", r"hidden answer", "fake password dialog"),
    ("high", r"/Users/Shared/\.|/private/tmp/|/tmp/", "runs from a world-writable or temp location"),
    ("medium", r"osascript\s+-e", "inline AppleScript"),
    ("medium", r"Signature=adhoc|unsigned", "binary is ad-hoc signed or unsigned"),
    ("medium", r"/\.[A-Za-z0-9]{4,}/", "binary in a hidden directory"),
    ("low", r"missing-binary", "plist points at a binary that no longer exists"),
]

def score(row):
    hits = []
    blob = " ".join(row.values())
    for sev, pat, why in RULES:
        if re.search(pat, blob):
            hits.append((sev, why))
    if row.get("source") == "LaunchAgents" and row.get("label", "").startswith("com.apple."):
        hits.append(("high", "Apple-prefixed label in a user LaunchAgents folder"))
    return hits

def main(paths):
    rows = []
    for p in paths:
        with open(p, newline="") as fh:
            rows += list(csv.DictReader(fh, delimiter="\t"))
    order = {"high": 0, "medium": 1, "low": 2}
    findings = []
    for r in rows:
        if ALLOW.match(r.get("label") or ""):
            continue
        h = score(r)
        if h:
            worst = min(h, key=lambda x: order[x[0]])[0]
            findings.append((worst, r, h))
    findings.sort(key=lambda f: order[f[0]])
    print("# Persistence report\n")
    print(f"Items inventoried: {len(rows)}; flagged: {len(findings)}\n")
    for sev, r, h in findings:
        print(f"## [{sev.upper()}] {r.get('label') or r.get('path')}")
        print(f"- source: {r.get('source')}  path: `{r.get('path')}`")
        print(f"- runs: `{(r.get('program') or '')[:300]}`")
        print(f"- signature: {r.get('sig')}")
        for s, why in h:
            print(f"- {s}: {why}")
        print()

if __name__ == "__main__":
    main(sys.argv[1:])
