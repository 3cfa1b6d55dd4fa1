#!/usr/bin/env python3
"""Report which canary values appear verbatim (or nearly) in a captured log."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CANARIES = json.load(open(os.path.join(HERE, "..", "fixtures", "canaries.json")))


def needles(value):
    v = value.split("\n")[1] if value.startswith("-----BEGIN") else value
    v = v.split("=", 1)[1] if v.startswith("password=") else v
    yield v
    yield re.sub(r"\s", "", v)


def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    leaks = 0
    print("| Canary | Leaked | Lines |\n|---|---|---|")
    for kind, value in CANARIES.items():
        hits = sorted({i for i, l in enumerate(lines, 1) for n in needles(value) if n and n in l})
        leaks += bool(hits)
        print(f"| {kind} | {'YES' if hits else 'no'} | {','.join(map(str, hits[:10]))} |")
    print(f"\n{leaks} of {len(CANARIES)} canaries leaked.")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "captured.log"))
