#!/usr/bin/env python3
"""List drawings in a .docx with their alt text status (JSON on stdout)."""
import argparse
import json
import shutil
import sys
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
}
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels_for(zf, part):
    p = PurePosixPath(part)
    rel_path = str(p.parent / "_rels" / (p.name + ".rels"))
    if rel_path not in zf.namelist():
        return {}
    root = etree.fromstring(zf.read(rel_path))
    return {r.get("Id"): str(PurePosixPath(p.parent, r.get("Target")))
            for r in root.iter(f"{{{REL_NS}}}Relationship")}


def paragraph_text(node):
    para = next((a for a in node.iterancestors(f"{{{NS['w']}}}p")), None)
    if para is None:
        return ""
    text = "".join(para.itertext()).strip()
    nxt = para.getnext()
    if nxt is not None:
        text += " " + "".join(nxt.itertext()).strip()
    return text[:200]


def audit(path, export=None):
    out = []
    with zipfile.ZipFile(path) as zf:
        parts = [n for n in zf.namelist()
                 if n.startswith("word/") and n.endswith(".xml")
                 and PurePosixPath(n).name.startswith(("document", "header", "footer"))]
        for part in parts:
            root = etree.fromstring(zf.read(part))
            rels = rels_for(zf, part)
            for doc_pr in root.iter(f"{{{NS['wp']}}}docPr"):
                drawing = doc_pr.getparent()
                blip = drawing.find(".//a:blip", NS)
                media = None
                if blip is not None:
                    media = rels.get(blip.get(f"{{{NS['r']}}}embed"))
                kind = "chart" if drawing.find(".//c:chart", NS) is not None else (
                    "picture" if blip is not None else "shape")
                decorative = doc_pr.find(".//adec:decorative", NS)
                item = {
                    "id": doc_pr.get("id"), "part": part, "name": doc_pr.get("name"),
                    "kind": kind, "media": media,
                    "descr": doc_pr.get("descr", ""), "title": doc_pr.get("title", ""),
                    "decorative": decorative is not None and decorative.get("val") in ("1", "true"),
                    "context": paragraph_text(drawing),
                }
                out.append(item)
                if export and media and media in zf.namelist():
                    dest = Path(export) / f"{item['id']}{PurePosixPath(media).suffix}"
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(media) as src, open(dest, "wb") as dst:
                        shutil.copyfileobj(src, dst)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--export", help="directory to copy image files into")
    args = ap.parse_args()
    items = audit(args.docx, args.export)
    json.dump(items, sys.stdout, indent=2, ensure_ascii=False)
    missing = sum(1 for i in items if not i["descr"] and not i["decorative"])
    print(f"\n{len(items)} drawings, {missing} without alt text", file=sys.stderr)


if __name__ == "__main__":
    main()
