#!/usr/bin/env python3
"""Quick lifespan sanity check for a GEDCOM file (no dependencies)."""
import re, sys

def people(path):
    cur, tag = None, None
    for line in open(path, encoding="utf-8-sig", errors="replace"):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) < 2:
            continue
        lvl, rest = parts[0], parts[1:]
        if lvl == "0":
            if cur:
                yield cur
            cur = {"id": rest[0], "name": "", "BIRT": None, "DEAT": None} if len(rest) > 1 and rest[1] == "INDI" else None
        elif cur is not None and lvl == "1":
            tag = rest[0]
            if tag == "NAME" and len(rest) > 1:
                cur["name"] = rest[1].replace("/", "")
        elif cur is not None and lvl == "2" and rest[0] == "DATE" and tag in ("BIRT", "DEAT"):
            m = re.search(r"\b(\d{4})\b", rest[1] if len(rest) > 1 else "")
            cur[tag] = int(m.group(1)) if m else None
    if cur:
        yield cur

for p in people(sys.argv[1]):
    b, d = p["BIRT"], p["DEAT"]
    if b and d and (d < b or d - b > 110):
        print(f"{p['id']} {p['name']}: {b}-{d}")
