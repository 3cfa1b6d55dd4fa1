#!/usr/bin/env python3
"""Lint a Fountain screenplay for common formatting problems."""
import argparse
import re
import sys

HEADING = re.compile(r"^(\.(?!\.)|(INT|EXT|EST|INT\./EXT|INT/EXT|I/E)[\. ])", re.I)
TRANSITION = re.compile(r"^[A-Z ]+TO:$")
CAMERA = re.compile(r"\b(WE SEE|ANGLE ON|PAN TO|CLOSE ON|DOLLY|ZOOM IN)\b")
CUE = re.compile(r"^@?[A-Z0-9 .'\-]+(\s*\(.*\))?\s*\^?$")


def strip_boneyard(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def lint(lines):
    problems = []
    prev_blank = True
    i = 0
    n = len(lines)
    in_title = bool(lines) and ":" in lines[0] and not HEADING.match(lines[0])
    while i < n:
        line = lines[i].rstrip("\n")
        s = line.strip()
        if in_title:
            if not s:
                in_title = False
            i += 1
            prev_blank = not s
            continue
        if line != line.lstrip() and s and not s.startswith(">"):
            problems.append((i + 1, "warn", "leading whitespace"))
        if HEADING.match(s) and not s.startswith("."):
            if s != s.upper():
                problems.append((i + 1, "error", "scene heading not uppercase"))
            if not prev_blank:
                problems.append((i + 1, "error", "scene heading needs a blank line before it"))
        elif prev_blank and s and CUE.match(s) and not TRANSITION.match(s) and not HEADING.match(s):
            j = i + 1
            if j >= n or not lines[j].strip():
                problems.append((i + 1, "error", f"character cue '{s}' has no dialogue"))
            else:
                k = j
                dialogue_lines = 0
                while k < n and lines[k].strip():
                    if lines[k].strip().startswith("(") and k + 1 < n and not lines[k + 1].strip():
                        problems.append((k + 1, "error", "parenthetical at end of dialogue block"))
                    dialogue_lines += 1
                    k += 1
                if dialogue_lines > 5:
                    problems.append((i + 1, "warn", f"dialogue block of {dialogue_lines} lines"))
                i = k
                prev_blank = False
                continue
        elif s and prev_blank and not TRANSITION.match(s):
            k = i
            while k < n and lines[k].strip():
                k += 1
            if k - i > 4:
                problems.append((i + 1, "warn", f"action paragraph of {k - i} lines"))
        if CAMERA.search(s):
            problems.append((i + 1, "warn", "camera direction in a spec script"))
        prev_blank = not s
        i += 1
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file")
    ap.add_argument("--errors-only", action="store_true")
    args = ap.parse_args()
    with open(args.file, encoding="utf-8") as fh:
        text = strip_boneyard(fh.read())
    problems = lint(text.splitlines())
    shown = 0
    for lineno, level, msg in problems:
        if args.errors_only and level != "error":
            continue
        print(f"{args.file}:{lineno}: {level}: {msg}")
        shown += 1
    errors = sum(1 for p in problems if p[1] == "error")
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
