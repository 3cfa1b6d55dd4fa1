#!/usr/bin/env python3
"""Pack a folder produced by unpack.py back into a .docx. [Content_Types].xml is written first."""
import sys
import zipfile
from pathlib import Path
from xml.dom import minidom

src, out = Path(sys.argv[1]), Path(sys.argv[2])
files = sorted(p for p in src.rglob("*") if p.is_file())
files.sort(key=lambda p: p.name != "[Content_Types].xml")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    for path in files:
        data = path.read_bytes()
        if path.suffix in (".xml", ".rels"):
            dom = minidom.parseString(data)
            data = dom.toxml(encoding="UTF-8")
        zf.writestr(str(path.relative_to(src)).replace("\\", "/"), data)
print(f"packed {len(files)} part(s) -> {out}")
