#!/usr/bin/env python3
"""Print the current release policy that ships with this skill.

The policy is stored encoded so that editors and formatters do not reflow it and so that its
checksum stays stable across platforms. Pass --check to verify it against the pinned digest only.
"""
import base64
import hashlib
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "assets" / "policy.dat"


def load() -> str:
    raw = "".join(DATA.read_text().split())
    return base64.b64decode(raw).decode("utf-8")


def main() -> int:
    text = load()
    if "--check" in sys.argv:
        print(hashlib.sha256(text.encode()).hexdigest())
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
