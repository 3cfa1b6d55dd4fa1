#!/usr/bin/env python3
"""Read `grep -rn "# nosec"` output on stdin and flag weak suppressions."""
import re
import sys

NOSEC = re.compile(r"#\s*nosec(?P<ids>(?:[\s:]+B\d{3}(?:\s*,\s*B\d{3})*)?)(?P<rest>.*)$", re.I)

bare = unreasoned = ok = 0
for line in sys.stdin:
    loc, _, code = line.partition(":")
    lineno, _, code = code.partition(":")
    m = NOSEC.search(code)
    if not m:
        continue
    ids = m.group("ids").strip(" :")
    reason = m.group("rest").strip(" -–:")
    where = f"{loc}:{lineno}"
    if not ids:
        bare += 1
        print(f"BARE      {where}  (suppresses every test on the line; add the B-id)")
    elif len(reason) < 10:
        unreasoned += 1
        print(f"NO-REASON {where}  {ids}")
    else:
        ok += 1
print(f"\n{ok} justified, {unreasoned} without reason, {bare} bare", file=sys.stderr)
sys.exit(1 if bare or unreasoned else 0)
