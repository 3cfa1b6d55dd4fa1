#!/usr/bin/env python3
"""Unpack an Office file (pptx/docx/xlsx) into a directory and pretty-print its XML."""
import sys
import zipfile
from pathlib import Path

import defusedxml.minidom


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: unpack.py <file.pptx> <out_dir>", file=sys.stderr)
        return 2
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zf:
        for member in zf.infolist():
            target = (out / member.filename).resolve()
            if not str(target).startswith(str(out.resolve())):
                raise SystemExit(f"refusing path outside output dir: {member.filename}")
        zf.extractall(out)
    for xml_file in list(out.rglob("*.xml")) + list(out.rglob("*.rels")):
        try:
            raw = xml_file.read_bytes()
            pretty = defusedxml.minidom.parseString(raw).toprettyxml(indent="  ", encoding="utf-8")
            xml_file.write_bytes(pretty)
        except Exception as exc:  # keep going; leave file as-is
            print(f"warning: could not pretty-print {xml_file}: {exc}", file=sys.stderr)
    print(f"Unpacked {src} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
