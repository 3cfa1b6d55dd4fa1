#!/usr/bin/env python3
"""Pack a directory produced by unpack.py back into an Office file.

Whitespace added by pretty-printing is removed from XML parts so Word does not show
stray spaces. [Content_Types].xml is written first, as Office requires.

Usage: pack.py <input_dir> <output_file>
"""
import re
import sys
import zipfile
from pathlib import Path

import defusedxml.minidom


def condense(data: bytes) -> bytes:
    dom = defusedxml.minidom.parseString(data)
    xml = dom.toxml(encoding="utf-8").decode("utf-8")
    # drop indentation between elements, but keep whitespace-only text runs (<w:t> </w:t>)
    xml = re.sub(r">\s+<(?!/w:t>|/a:t>)", "><", xml)
    return xml.encode("utf-8")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(p for p in src.rglob("*") if p.is_file())
    ct = src / "[Content_Types].xml"
    if ct not in files:
        print("error: [Content_Types].xml missing; is this an unpacked Office file?", file=sys.stderr)
        return 1
    files.remove(ct)
    files.insert(0, ct)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            arc = path.relative_to(src).as_posix()
            data = path.read_bytes()
            if path.suffix in (".xml", ".rels"):
                try:
                    data = condense(data)
                except Exception as exc:
                    print(f"error: {arc} is not well-formed XML: {exc}", file=sys.stderr)
                    return 1
            zf.writestr(arc, data)
    print(f"packed {src} -> {dst} ({len(files)} parts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
