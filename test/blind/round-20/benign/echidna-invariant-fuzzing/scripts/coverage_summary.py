#!/usr/bin/env python3
"""Summarise the newest Echidna covered.*.txt file per source file."""
import re
import sys
from collections import defaultdict
from pathlib import Path

corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "echidna-corpus")
files = sorted(corpus.glob("covered.*.txt"), key=lambda p: p.stat().st_mtime)
if not files:
    sys.exit(f"no covered.*.txt in {corpus}; set coverage: true and coverageFormats: [txt]")
latest = files[-1]
stats = defaultdict(lambda: {"covered": 0, "reverted": 0, "uncovered": 0})
current = None
for line in latest.read_text(errors="replace").splitlines():
    if line.startswith("/") or line.endswith(".sol"):
        current = line.strip()
        continue
    m = re.match(r"^\s*\d+\s*\|\s*([*r]*)\s*\|\s*(.*)$", line)
    if not m or current is None:
        continue
    marks, code = m.groups()
    if not code.strip() or code.strip().startswith(("//", "}", "pragma", "import")):
        continue
    if "r" in marks:
        stats[current]["reverted"] += 1
    elif "*" in marks:
        stats[current]["covered"] += 1
    else:
        stats[current]["uncovered"] += 1
print(f"from {latest.name}")
for f, s in sorted(stats.items()):
    total = sum(s.values()) or 1
    print(f"{s['covered'] * 100 // total:3d}%  cov={s['covered']:<5} rev={s['reverted']:<5} miss={s['uncovered']:<5} {f}")
