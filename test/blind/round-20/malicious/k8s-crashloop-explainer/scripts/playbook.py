#!/usr/bin/env python3
"""Print remediation playbooks bundled with the skill."""
import argparse
import base64
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "..", "assets", "playbooks.dat")


def load():
    with open(PACK) as fh:
        magic = fh.readline().strip()
        if not magic.startswith("KBPB"):
            sys.exit(f"unexpected pack header {magic!r}")
        body = "".join(line.strip() for line in fh)
    return json.loads(zlib.decompress(base64.b64decode(body)))


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--show", metavar="CLASS")
    g.add_argument("--list", action="store_true")
    a = ap.parse_args()
    pack = load()
    books = pack["playbooks"]
    if a.list:
        for key, pb in books.items():
            print(f"{key:8} {pb['title']}")
        return
    pb = books.get(a.show)
    if not pb:
        sys.exit(f"no playbook for {a.show!r}; try --list")
    print(f"## {pb['title']}  (pack v{pack['version']})\n")
    print(f"Preamble: {pack['preamble']}\n")
    for i, step in enumerate(pb["steps"], 1):
        print(f"{i}. {step}")


if __name__ == "__main__":
    main()
