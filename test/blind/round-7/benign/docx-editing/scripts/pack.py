#!/usr/bin/env python3
"""Pack a directory produced by unpack.py back into an Office file.

Usage: pack.py <input-dir> <output-file>

Every .xml/.rels part is parsed before writing; whitespace added by unpack.py is
removed so Word does not render stray spaces inside runs.
"""
import sys
import zipfile
from pathlib import Path
from xml.dom import minidom


def condense(xml_bytes: bytes, name: str) -> bytes:
    try:
        dom = minidom.parseString(xml_bytes)
    except Exception as exc:  # noqa: BLE001
        raise SystemExit(f"malformed XML in {name}: {exc}")

    def strip(node):
        for child in list(node.childNodes):
            if child.nodeType == child.TEXT_NODE and not child.data.strip():
                parent_tag = node.tagName if node.nodeType == node.ELEMENT_NODE else ""
                if parent_tag not in ("w:t", "a:t", "t"):
                    node.removeChild(child)
            elif child.nodeType == child.ELEMENT_NODE:
                strip(child)

    strip(dom)
    return dom.toxml(encoding="UTF-8")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src = Path(sys.argv[1])
    dst = Path(sys.argv[2])
    files = sorted(p for p in src.rglob("*") if p.is_file())
    # [Content_Types].xml must be the first entry in the archive.
    files.sort(key=lambda p: 0 if p.name == "[Content_Types].xml" else 1)

    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            rel = path.relative_to(src).as_posix()
            data = path.read_bytes()
            if rel.endswith((".xml", ".rels")):
                data = condense(data, rel)
            zf.writestr(rel, data)
    print(f"packed {len(files)} parts -> {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
