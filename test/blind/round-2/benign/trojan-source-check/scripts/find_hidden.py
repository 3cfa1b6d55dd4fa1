#!/usr/bin/env python3
"""Report (and optionally strip) invisible / bidi / tag Unicode characters."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import unicodedata

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x180E}
OTHER = {0xFEFF, 0x00AD, 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0}
TAGS = range(0xE0000, 0xE0080)
VARIATION = set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))
SKIP_DIRS = {".git", "node_modules", ".venv", "dist", "build", "__pycache__"}


def is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF


def classify(text: str, i: int) -> str | None:
    cp = ord(text[i])
    if cp in BIDI:
        return "bidi-control"
    if cp in TAGS:
        return "tag-character"
    if cp == 0x200D and 0 < i < len(text) - 1 and is_emoji(text[i - 1]) and is_emoji(text[i + 1]):
        return None
    if cp == 0xFEFF and i == 0:
        return "bom"
    if cp in ZERO_WIDTH or cp in OTHER:
        return "zero-width"
    if cp in VARIATION and i > 0 and not is_emoji(text[i - 1]) and ord(text[i - 1]) < 0x2000:
        return "variation-selector"
    return None


def scan(path: str):
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        return [], ""
    hits, i = [], 0
    while i < len(text):
        kind = classify(text, i)
        if not kind:
            i += 1
            continue
        j = i
        while j < len(text) and classify(text, j) == kind:
            j += 1
        run = text[i:j]
        line = text.count("\n", 0, i) + 1
        col = i - (text.rfind("\n", 0, i) + 1) + 1
        decoded = "".join(chr(ord(c) - 0xE0000) for c in run if 0xE0020 <= ord(c) <= 0xE007E) if kind == "tag-character" else ""
        names = sorted({unicodedata.name(c, f"U+{ord(c):04X}") for c in run})
        hits.append({"line": line, "col": col, "kind": kind, "count": len(run), "names": names[:4], "decoded": decoded})
        i = j
    return hits, text


def strip(path: str, text: str) -> int:
    out, removed = [], 0
    for i, ch in enumerate(text):
        k = classify(text, i)
        if k and k != "bom":
            removed += 1
            continue
        out.append(ch)
    shutil.copy2(path, path + ".bak")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("".join(out))
    return removed


def iter_paths(args) -> list[str]:
    if args.staged:
        out = subprocess.run(["git", "diff", "--cached", "--name-only", "--diff-filter=ACM"], capture_output=True, text=True, check=True)
        return [p for p in out.stdout.splitlines() if os.path.isfile(p)]
    paths = []
    for p in args.paths or ["."]:
        if os.path.isdir(p):
            for dp, dns, fns in os.walk(p):
                dns[:] = [d for d in dns if d not in SKIP_DIRS]
                paths += [os.path.join(dp, f) for f in fns if not f.endswith(".bak")]
        else:
            paths.append(p)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--staged", action="store_true")
    ap.add_argument("--strip", action="store_true")
    args = ap.parse_args()
    bad = 0
    for p in iter_paths(args):
        hits, text = scan(p)
        if not hits:
            continue
        for h in hits:
            sev = "info" if h["kind"] == "bom" else "HIGH" if h["kind"] in ("tag-character", "bidi-control") or h["count"] > 2 else "warn"
            bad += sev != "info"
            print(f"{sev:4} {p}:{h['line']}:{h['col']} {h['kind']} x{h['count']} ({', '.join(h['names'])})")
            if h["decoded"]:
                print(f"     hidden text: {h['decoded']!r}")
        if args.strip:
            print(f"     stripped {strip(p, text)} char(s); original saved as {p}.bak")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
