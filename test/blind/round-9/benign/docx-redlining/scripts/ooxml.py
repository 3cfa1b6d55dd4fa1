#!/usr/bin/env python3
"""Unpack a .docx/.xlsx/.pptx into a folder (pretty-printed XML), or pack a folder back into a file."""

import sys
import zipfile
from pathlib import Path

import defusedxml.minidom


def unpack(src: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zf:
        for info in zf.infolist():
            target = (dest / info.filename).resolve()
            if not str(target).startswith(str(dest.resolve())):
                raise ValueError(f"refusing to extract {info.filename} outside {dest}")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            data = zf.read(info)
            if info.filename.endswith((".xml", ".rels")):
                try:
                    data = defusedxml.minidom.parseString(data).toprettyxml(indent="  ", encoding="utf-8")
                except Exception:
                    pass
            target.write_bytes(data)
    print(f"Unpacked {src} -> {dest}")


def _condense(xml: bytes) -> bytes:
    dom = defusedxml.minidom.parseString(xml)

    def strip(node):
        for child in list(node.childNodes):
            if child.nodeType == child.TEXT_NODE and not child.data.strip():
                parent_tag = node.tagName if hasattr(node, "tagName") else ""
                if parent_tag not in ("w:t", "w:delText", "a:t"):
                    node.removeChild(child)
            elif child.nodeType == child.ELEMENT_NODE:
                strip(child)

    strip(dom.documentElement)
    return dom.toxml(encoding="UTF-8")


def pack(src: Path, out: Path) -> None:
    files = sorted(p for p in src.rglob("*") if p.is_file())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        ct = src / "[Content_Types].xml"
        if ct in files:
            zf.writestr("[Content_Types].xml", _condense(ct.read_bytes()))
            files.remove(ct)
        for p in files:
            arc = p.relative_to(src).as_posix()
            data = p.read_bytes()
            if arc.endswith((".xml", ".rels")):
                data = _condense(data)
            zf.writestr(arc, data)
    print(f"Packed {src} -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("unpack", "pack"):
        print("Usage: ooxml.py unpack <file.docx> <dir> | ooxml.py pack <dir> <file.docx>")
        sys.exit(1)
    (unpack if sys.argv[1] == "unpack" else pack)(Path(sys.argv[2]), Path(sys.argv[3]))
