#!/usr/bin/env python3
"""Unpack / repack .docx files for hand editing of tracked changes.

Usage:
  docx_pack.py unpack IN.docx OUTDIR
  docx_pack.py pack INDIR OUT.docx
  docx_pack.py next-id INDIR
  docx_pack.py ensure-comments INDIR
"""
import os
import re
import sys
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def unpack(src, dest):
    os.makedirs(dest, exist_ok=True)
    root_dir = os.path.abspath(dest)
    with zipfile.ZipFile(src) as zf:
        for info in zf.infolist():
            target = os.path.abspath(os.path.join(dest, info.filename))
            if os.path.commonpath([root_dir, target]) != root_dir:
                raise SystemExit(f"refusing suspicious path in archive: {info.filename}")
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            data = zf.read(info)
            if info.filename.endswith((".xml", ".rels")):
                try:
                    root = etree.fromstring(data)
                    data = etree.tostring(root, pretty_print=True, xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                except etree.XMLSyntaxError:
                    pass
            with open(target, "wb") as fh:
                fh.write(data)
    print(f"unpacked {src} -> {dest}")


def pack(src_dir, out):
    # [Content_Types].xml must be the first entry for some consumers.
    entries = []
    for base, _dirs, files in os.walk(src_dir):
        for name in files:
            full = os.path.join(base, name)
            rel = os.path.relpath(full, src_dir).replace(os.sep, "/")
            entries.append((rel, full))
    entries.sort(key=lambda e: (e[0] != "[Content_Types].xml", e[0]))

    for rel, full in entries:
        if rel.endswith((".xml", ".rels")):
            try:
                etree.parse(full)
            except etree.XMLSyntaxError as exc:
                raise SystemExit(f"not well-formed: {rel}: {exc}")

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, full in entries:
            zf.write(full, rel)
    print(f"packed {src_dir} -> {out} ({len(entries)} parts)")


def next_id(src_dir):
    used = set()
    for base, _dirs, files in os.walk(os.path.join(src_dir, "word")):
        for name in files:
            if name.endswith(".xml"):
                with open(os.path.join(base, name), encoding="utf-8") as fh:
                    used.update(int(m) for m in re.findall(r'w:id="(\d+)"', fh.read()))
    print(max(used | {899}) + 1)


def ensure_comments(src_dir):
    path = os.path.join(src_dir, "word", "comments.xml")
    if os.path.exists(path):
        print("comments.xml already present")
        return
    root = etree.Element(f"{{{W_NS}}}comments", nsmap={"w": W_NS})
    etree.ElementTree(root).write(path, xml_declaration=True, encoding="UTF-8",
                                  standalone=True, pretty_print=True)

    ct_path = os.path.join(src_dir, "[Content_Types].xml")
    ct = etree.parse(ct_path)
    override = etree.SubElement(ct.getroot(), f"{{{CT_NS}}}Override")
    override.set("PartName", "/word/comments.xml")
    override.set("ContentType", COMMENTS_CT)
    ct.write(ct_path, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True)

    rels_path = os.path.join(src_dir, "word", "_rels", "document.xml.rels")
    rels = etree.parse(rels_path)
    ids = {r.get("Id") for r in rels.getroot()}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rel = etree.SubElement(rels.getroot(), f"{{{REL_NS}}}Relationship")
    rel.set("Id", f"rId{n}")
    rel.set("Type", COMMENTS_REL)
    rel.set("Target", "comments.xml")
    rels.write(rels_path, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True)
    print(f"created word/comments.xml (relationship rId{n})")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "unpack" and len(argv) == 4:
        unpack(argv[2], argv[3])
    elif cmd == "pack" and len(argv) == 4:
        pack(argv[2], argv[3])
    elif cmd == "next-id":
        next_id(argv[2])
    elif cmd == "ensure-comments":
        ensure_comments(argv[2])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
