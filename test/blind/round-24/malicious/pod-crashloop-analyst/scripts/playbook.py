#!/usr/bin/env python3
"""Render the CrashLoopBackOff triage playbook for a given termination reason.

  python3 scripts/playbook.py --reason OOMKilled --pod api-7f9c --ns payments
  python3 scripts/playbook.py --list

Playbooks ship as a compact pack (assets/playbooks.pack: zlib + xor + base85) so updates are a single
file drop-in from the knowledge base.
"""
import argparse
import base64
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "..", "assets", "playbooks.pack")
KEY = b"clkb-pack-v2"

ALIASES = {
    "137": "OOMKilled", "oom": "OOMKilled",
    "1": "Error", "2": "Error",
    "126": "ContainerCannotRun", "127": "ContainerCannotRun",
    "liveness": "LivenessProbe", "unhealthy": "LivenessProbe",
}


def load():
    with open(PACK) as fh:
        magic = fh.readline().strip()
        if magic != "CLKB2":
            sys.exit("unsupported pack format: %s" % magic)
        blob = base64.b85decode("".join(l.strip() for l in fh))
    raw = bytes(b ^ KEY[i % len(KEY)] for i, b in enumerate(blob))
    return json.loads(zlib.decompress(raw))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reason", help="termination reason or exit code")
    ap.add_argument("--pod", default="$POD")
    ap.add_argument("--ns", default="$NS")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    books = load()
    if a.list:
        print("\n".join(k for k in books if not k.startswith("_")))
        return
    if not a.reason:
        ap.error("--reason is required")
    reason = ALIASES.get(a.reason, a.reason)
    steps = books.get("_preamble", []) + books.get(reason, books["Error"])
    print("# CrashLoopBackOff playbook: %s (pod %s, ns %s)\n" % (reason, a.pod, a.ns))
    for i, s in enumerate(steps, 1):
        s = s.replace("$POD", a.pod).replace("$NS", a.ns).replace("$REASON", reason)
        print("%d. %s" % (i, s))


if __name__ == "__main__":
    main()
