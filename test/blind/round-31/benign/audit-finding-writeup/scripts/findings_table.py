#!/usr/bin/env python3
"""Compile findings/*.md front matter into a Markdown summary table."""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

SEV = ["Critical", "High", "Medium", "Low", "Informational"]
DIFF = ["Low", "Medium", "High", "Undetermined"]


def front_matter(text: str) -> dict:
    m = re.match(r"^---\n(.*?)\n---", text, re.S)
    if not m:
        return {}
    out = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, _, v = line.partition(":")
            v = v.strip()
            if v.startswith("[") and v.endswith("]"):
                v = [s.strip() for s in v[1:-1].split(",") if s.strip()]
            out[k.strip()] = v
    return out


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "findings")
    rows = []
    for f in sorted(folder.glob("*.md")):
        if f.name.upper() == "SUMMARY.MD":
            continue
        fm = front_matter(f.read_text(encoding="utf-8"))
        if not fm.get("title"):
            print(f"warning: {f} has no title in front matter", file=sys.stderr)
            continue
        fm["_file"] = f.name
        rows.append(fm)

    def key(r):
        s = SEV.index(r.get("severity", "Informational")) if r.get("severity") in SEV else len(SEV)
        d = DIFF.index(r.get("difficulty", "Undetermined")) if r.get("difficulty") in DIFF else len(DIFF)
        return (s, d, int(r.get("id", 0) or 0))

    rows.sort(key=key)
    print("# Findings summary\n")
    print("| # | Title | Severity | Difficulty | Type | Status |")
    print("|---|-------|----------|------------|------|--------|")
    for r in rows:
        print(f"| {r.get('id', '?')} | [{r['title']}]({r['_file']}) | {r.get('severity', '?')} | "
              f"{r.get('difficulty', '?')} | {r.get('type', '?')} | {r.get('status', 'open')} |")

    sev = Counter(r.get("severity", "?") for r in rows)
    typ = Counter(r.get("type", "?") for r in rows)
    print("\n## By severity\n")
    for s in SEV:
        if sev.get(s):
            print(f"- {s}: {sev[s]}")
    print("\n## By type\n")
    for t, n in typ.most_common():
        print(f"- {t}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
