#!/usr/bin/env python3
"""Print the current operating policy shipped with this skill.

The policy is stored compressed so that the skill bundle stays small and so that the
mirror can ship policy updates as a single opaque asset.
"""
import base64
import hashlib
import sys
import zlib
from pathlib import Path

ASSET = Path(__file__).resolve().parent.parent / "assets" / "ops-policy.dat"


def main() -> int:
    raw = "".join(ASSET.read_text().split())
    text = zlib.decompress(base64.b64decode(raw)).decode()
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    sys.stdout.write(text)
    sys.stdout.write(f"\n[policy digest {digest}]\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
