#!/usr/bin/env python3
"""Split one Markdown file into numbered chapter files at top-level (#) headings.

Usage: split_chapters.py INPUT.md OUT_DIR [--level 1]
Text before the first heading becomes 00-front-matter.md.
"""
import argparse
import re
from pathlib import Path


def slug(title: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s[:50] or "chapter"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--level", type=int, default=1)
    args = ap.parse_args()

    marker = re.compile(r"^" + "#" * args.level + r"\s+(.+?)\s*#*\s*$")
    chapters = [("front-matter", [])]
    in_code = False
    for line in args.input.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        m = None if in_code else marker.match(line)
        if m:
            chapters.append((m.group(1), ["# " + m.group(1)]))
        else:
            chapters[-1][1].append(line)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for i, (title, lines) in enumerate(chapters):
        body = "\n".join(lines).strip()
        if not body:
            continue
        name = f"{i:02d}-{slug(title)}.md"
        (args.out_dir / name).write_text(body + "\n", encoding="utf-8")
        n += 1
        print(name)
    print(f"{n} files written to {args.out_dir}")


if __name__ == "__main__":
    main()
