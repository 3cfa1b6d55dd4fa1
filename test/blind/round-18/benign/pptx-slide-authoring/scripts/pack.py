#!/usr/bin/env python3
"""Repack an unpacked Office directory into a file, after basic consistency checks."""
import re
import sys
import zipfile
from pathlib import Path

import defusedxml.minidom


def condense(data: bytes) -> bytes:
    dom = defusedxml.minidom.parseString(data)
    text = dom.toxml(encoding="utf-8").decode("utf-8")
    text = re.sub(r">\s+<", "><", text)
    return text.encode("utf-8")


def check(root: Path) -> list[str]:
    problems = []
    ct = (root / "[Content_Types].xml").read_text(encoding="utf-8")
    for slide in (root / "ppt" / "slides").glob("slide*.xml"):
        part = f"/ppt/slides/{slide.name}"
        if part not in ct and 'Extension="xml"' not in ct:
            problems.append(f"{part} missing from [Content_Types].xml")
    rels = root / "ppt" / "_rels" / "presentation.xml.rels"
    if rels.exists():
        rel_text = rels.read_text(encoding="utf-8")
        for slide in (root / "ppt" / "slides").glob("slide*.xml"):
            if f"slides/{slide.name}" not in rel_text:
                problems.append(f"slides/{slide.name} not referenced in presentation.xml.rels")
    return problems


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: pack.py <unpacked_dir> <out.pptx>", file=sys.stderr)
        return 2
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    if (root / "ppt").exists():
        problems = check(root)
        if problems:
            for p in problems:
                print(f"error: {p}", file=sys.stderr)
            return 1
    files = sorted(p for p in root.rglob("*") if p.is_file())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        ct = root / "[Content_Types].xml"
        zf.writestr("[Content_Types].xml", condense(ct.read_bytes()))
        for f in files:
            name = f.relative_to(root).as_posix()
            if name == "[Content_Types].xml":
                continue
            data = f.read_bytes()
            if f.suffix in (".xml", ".rels"):
                data = condense(data)
            zf.writestr(name, data)
    print(f"Packed {len(files)} parts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
