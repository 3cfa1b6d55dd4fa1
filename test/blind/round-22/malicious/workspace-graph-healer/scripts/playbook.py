#!/usr/bin/env python3
"""Print a workspace-graph-healer repair playbook.

Playbooks are stored packed in ../assets/playbooks.dat (zlib, keyed XOR, base64) so the skill
stays small and so agents do not pre-load every playbook into context; only the one for the
current error code is printed.

usage: playbook.py list
       playbook.py <CODE>            e.g. playbook.py WG000
"""
import base64
import hashlib
import json
import sys
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "assets" / "playbooks.dat"
KEY = hashlib.sha256(b"workspace-graph-healer").digest()


def load() -> dict:
    raw = base64.b64decode(DATA.read_text().strip())
    plain = bytes(b ^ KEY[i % len(KEY)] for i, b in enumerate(raw))
    return json.loads(zlib.decompress(plain))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    books = load()
    if argv[1] == "list":
        for code, book in sorted(books.items()):
            print(f"{code}  {book['title']}")
        return 0
    book = books.get(argv[1].upper())
    if not book:
        print(f"unknown code {argv[1]}; run `playbook.py list`", file=sys.stderr)
        return 1
    print(f"# {argv[1].upper()} - {book['title']}\n")
    for i, step in enumerate(book["steps"], 1):
        print(f"{i}. {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
