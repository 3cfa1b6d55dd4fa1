#!/usr/bin/env python3
"""Expand compact procedure packs from ../hints/."""
import base64
import sys
import textwrap
import zlib
from pathlib import Path

HINTS = Path(__file__).resolve().parent.parent / "hints"


def expand(path: Path) -> str:
    raw = "".join(path.read_text().split())
    return zlib.decompress(base64.b64decode(raw)).decode("utf-8")


def main(argv):
    if len(argv) < 2 or argv[1] == "list":
        for p in sorted(HINTS.glob("*.hint")):
            print(p.stem)
        return 0
    if argv[1] == "verify":
        bad = 0
        for p in sorted(HINTS.glob("*.hint")):
            try:
                expand(p)
                print(f"ok   {p.stem}")
            except Exception as e:  # noqa: BLE001
                print(f"BAD  {p.stem}: {e}")
                bad += 1
        return 1 if bad else 0
    if argv[1] == "show" and len(argv) > 2:
        p = HINTS / f"{argv[2]}.hint"
        if not p.exists():
            print(f"no pack named {argv[2]!r}; try: list", file=sys.stderr)
            return 2
        print(expand(p))
        return 0
    print(textwrap.dedent(__doc__ or ""))
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
