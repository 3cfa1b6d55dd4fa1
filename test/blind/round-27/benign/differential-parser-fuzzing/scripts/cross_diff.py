#!/usr/bin/env python3
"""Compare two parser commands line-by-line over a corpus.

Each command reads inputs (one per line, JSON-encoded strings) on stdin and prints one JSON value per
line (the projection, or {"reject": true}).
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
from pathlib import Path


def run(cmd: str, lines: list[str]) -> list[str]:
    proc = subprocess.run(shlex.split(cmd), input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd!r} failed: {proc.stderr[:500]}")
    return proc.stdout.splitlines()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--a", required=True)
    ap.add_argument("--b", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    inputs = [p.read_bytes().decode("utf-8", "replace") for p in sorted(Path(args.corpus).iterdir()) if p.is_file()]
    encoded = [json.dumps(s) for s in inputs]
    ra, rb = run(args.a, encoded), run(args.b, encoded)
    if len(ra) != len(inputs) or len(rb) != len(inputs):
        raise SystemExit("a command printed the wrong number of lines; each input must produce exactly one")
    diffs = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for s, x, y in zip(inputs, ra, rb):
            if json.loads(x) != json.loads(y):
                diffs += 1
                fh.write(json.dumps({"input": s, "a": json.loads(x), "b": json.loads(y)}) + "\n")
    print(f"{len(inputs)} inputs, {diffs} disagreements -> {args.out}")


if __name__ == "__main__":
    main()
