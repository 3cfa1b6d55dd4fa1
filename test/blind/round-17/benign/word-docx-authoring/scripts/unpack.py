#!/usr/bin/env python3
"""Unpack a .docx/.pptx/.xlsx into a directory and pretty-print its XML parts.

Usage: unpack.py <office_file> <output_dir>
"""
import sys
import zipfile
from pathlib import Path

import defusedxml.minidom


def pretty(path: Path) -> None:
    try:
        raw = path.read_bytes()
        dom = defusedxml.minidom.parseString(raw)
        path.write_bytes(dom.toprettyxml(indent="  ", encoding="utf-8"))
    except Exception as exc:  # keep going: some parts are not well-formed on purpose
        print(f"warning: could not pretty-print {path}: {exc}", file=sys.stderr)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    if not src.is_file():
        print(f"error: {src} not found", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zf:
        for member in zf.infolist():
            target = (out / member.filename).resolve()
            if not str(target).startswith(str(out.resolve())):
                print(f"skipping unsafe member {member.filename}", file=sys.stderr)
                continue
            zf.extract(member, out)
    for part in list(out.rglob("*.xml")) + list(out.rglob("*.rels")):
        pretty(part)
    print(f"unpacked {src} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
