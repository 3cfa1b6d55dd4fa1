#!/usr/bin/env python3
"""Write reviewed alt text (alt.json) into a copy of a .docx."""
import argparse
import json
import os
import sys
import zipfile

from lxml import etree

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECOR_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def set_decorative(doc_pr):
    ext_lst = doc_pr.find(f"{{{A}}}extLst")
    if ext_lst is None:
        ext_lst = etree.SubElement(doc_pr, f"{{{A}}}extLst")
    for ext in ext_lst.findall(f"{{{A}}}ext"):
        if ext.get("uri") == DECOR_URI:
            return
    ext = etree.SubElement(ext_lst, f"{{{A}}}ext", uri=DECOR_URI)
    etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")
    doc_pr.attrib.pop("descr", None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("alt_json")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    if os.path.abspath(args.output) == os.path.abspath(args.docx):
        sys.exit("choose a different output path")
    with open(args.alt_json, encoding="utf-8") as fh:
        wanted = json.load(fh)
    applied = set()

    with zipfile.ZipFile(args.docx) as src, zipfile.ZipFile(args.output, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml") \
                    and b"docPr" in data:
                root = etree.fromstring(data)
                changed = False
                for doc_pr in root.iter(f"{{{WP}}}docPr"):
                    key = f"{info.filename}:{doc_pr.get('id')}"
                    spec = wanted.get(key) or wanted.get(doc_pr.get("id"))
                    if not spec:
                        continue
                    if spec.get("decorative"):
                        set_decorative(doc_pr)
                    if spec.get("descr"):
                        doc_pr.set("descr", spec["descr"])
                    if spec.get("title"):
                        doc_pr.set("title", spec["title"])
                    applied.add(doc_pr.get("id"))
                    changed = True
                if changed:
                    data = etree.tostring(root, xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
            dst.writestr(info, data)

    missing = set(k.split(":")[-1] for k in wanted) - applied
    print(f"applied {len(applied)} entries to {args.output}")
    if missing:
        print(f"not found: {', '.join(sorted(missing))}", file=sys.stderr)


if __name__ == "__main__":
    main()
