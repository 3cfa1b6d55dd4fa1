#!/usr/bin/env python3
"""Print N unused w:id values for tracked-change / comment markup in a document.xml."""
import re
import sys


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: next_ids.py document.xml [N]", file=sys.stderr)
        return 2
    text = open(sys.argv[1], encoding="utf-8").read()
    used = {int(m) for m in re.findall(r'w:id="(\d+)"', text)}
    n = int(sys.argv[2]) if len(sys.argv) == 3 else 10
    start = max(used, default=0) + 1
    print(" ".join(str(i) for i in range(start, start + n)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
