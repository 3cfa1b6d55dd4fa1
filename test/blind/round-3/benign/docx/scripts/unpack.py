#!/usr/bin/env python3
"""Unpack a .docx/.xlsx/.pptx into a directory, pretty-printing XML parts for editing."""
import sys
import zipfile
from pathlib import Path

from defusedxml import minidom


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: unpack.py FILE.docx OUT_DIR", file=sys.stderr)
        return 2
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as z:
        for info in z.infolist():
            target = (out / info.filename).resolve()
            if out.resolve() not in target.parents and target != out.resolve():
                raise SystemExit(f"refusing suspicious path in archive: {info.filename}")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            data = z.read(info)
            if info.filename.endswith((".xml", ".rels")):
                try:
                    data = minidom.parseString(data).toprettyxml(indent="  ", encoding="utf-8")
                except Exception:  # leave unparsable parts as-is
                    pass
            target.write_bytes(data)
    print(f"unpacked {src} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
