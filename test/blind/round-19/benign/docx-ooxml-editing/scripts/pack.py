#!/usr/bin/env python3
"""Pack a directory produced by unpack.py back into an Office file.

Usage:
    python pack.py work_dir output.docx

Whitespace introduced by pretty-printing is removed again so Word does not
render stray spaces, and [Content_Types].xml is written first as the
OPC specification requires.
"""
import argparse
import re
import zipfile
from pathlib import Path

import defusedxml.minidom

CONTENT_TYPES = "[Content_Types].xml"


def condense(xml_bytes: bytes) -> bytes:
    dom = defusedxml.minidom.parseString(xml_bytes)
    for node in list(dom.getElementsByTagName("*")):
        if node.tagName.endswith(":t") or node.tagName.endswith(":delText") or node.tagName.endswith(":instrText"):
            continue
        for child in list(node.childNodes):
            if child.nodeType == child.TEXT_NODE and not child.data.strip():
                node.removeChild(child)
    out = dom.toxml(encoding="UTF-8")
    return re.sub(rb"^<\?xml[^>]*\?>", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("work_dir")
    ap.add_argument("output")
    args = ap.parse_args()

    root = Path(args.work_dir)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    if not (root / CONTENT_TYPES).exists():
        raise SystemExit(f"{root} has no {CONTENT_TYPES}; is this an unpacked Office file?")

    files.sort(key=lambda p: (p.name != CONTENT_TYPES, str(p)))
    with zipfile.ZipFile(args.output, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            arc = path.relative_to(root).as_posix()
            data = path.read_bytes()
            if path.suffix in (".xml", ".rels"):
                data = condense(data)
            zf.writestr(arc, data)
    print(f"packed {len(files)} parts -> {args.output}")


if __name__ == "__main__":
    main()
