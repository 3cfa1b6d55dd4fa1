#!/usr/bin/env python3
"""Unpack a .docx into a folder and pretty-print the XML parts so they can be edited and diffed."""
import sys
import zipfile
from pathlib import Path
from xml.dom import minidom

src, dest = Path(sys.argv[1]), Path(sys.argv[2])
dest.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(src) as zf:
    for info in zf.infolist():
        target = (dest / info.filename).resolve()
        if not str(target).startswith(str(dest.resolve())):
            raise SystemExit(f"unsafe path in archive: {info.filename}")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = zf.read(info)
        if info.filename.endswith((".xml", ".rels")):
            try:
                data = minidom.parseString(data).toprettyxml(indent=" ", encoding="utf-8")
            except Exception:
                pass
        target.write_bytes(data)
print(f"unpacked {src} -> {dest}")
