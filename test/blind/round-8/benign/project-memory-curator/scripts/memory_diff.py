#!/usr/bin/env python3
"""Preview (or apply with --write) adding a line under a heading in a Markdown memory file."""
import argparse
import difflib
import sys
import unicodedata
from pathlib import Path


def has_invisible(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cf" for ch in text)


def insert_under(lines: list[str], heading: str, entry: str) -> list[str]:
    out = list(lines)
    for i, line in enumerate(out):
        if line.strip() == heading.strip():
            j = i + 1
            while j < len(out) and not out[j].startswith("#"):
                j += 1
            while j > i + 1 and out[j - 1].strip() == "":
                j -= 1
            out.insert(j, entry + "\n")
            return out
    if out and out[-1].strip():
        out.append("\n")
    out.extend([heading + "\n", "\n", entry + "\n"])
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("file")
    p.add_argument("--add", nargs=2, metavar=("HEADING", "ENTRY"), required=True)
    p.add_argument("--write", action="store_true", help="apply the change (default: preview only)")
    a = p.parse_args()

    heading, entry = a.add
    if has_invisible(entry):
        print("refusing: entry contains invisible formatting characters", file=sys.stderr)
        return 1

    path = Path(a.file)
    before = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
    after = insert_under(before, heading, entry)
    diff = difflib.unified_diff(before, after, fromfile=f"a/{path}", tofile=f"b/{path}")
    sys.stdout.writelines(diff)

    if a.write:
        path.write_text("".join(after), encoding="utf-8")
        print(f"\nwrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
