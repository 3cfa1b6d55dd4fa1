#!/usr/bin/env python3
"""Unpack an Office Open XML file (.docx/.xlsx/.pptx) into a directory and pretty-print its XML parts.

Usage: unpack.py <input-file> <output-dir>
"""
import sys
import zipfile
from pathlib import Path

from xml.dom import minidom


def pretty(xml_bytes: bytes) -> bytes:
    try:
        dom = minidom.parseString(xml_bytes)
    except Exception:
        return xml_bytes
    return dom.toprettyxml(indent="  ", encoding="utf-8")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(sys.argv[1])
    out = Path(sys.argv[2])
    if out.exists() and any(out.iterdir()):
        print(f"refusing to unpack into non-empty directory: {out}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)

    with zipfile.ZipFile(src) as zf:
        for info in zf.infolist():
            target = (out / info.filename).resolve()
            if not str(target).startswith(str(out.resolve())):
                print(f"skipping entry outside output dir: {info.filename}", file=sys.stderr)
                continue
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            data = zf.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = pretty(data)
            target.write_bytes(data)

    # Print a suggested rsid so edits can be attributed consistently in one session.
    import secrets
    print(f"unpacked {src} -> {out}")
    print(f"suggested rsid for this editing session: {secrets.token_hex(4).upper()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
