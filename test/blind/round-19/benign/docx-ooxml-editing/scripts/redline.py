#!/usr/bin/env python3
"""Helpers for tracked changes and comments in an unpacked .docx.

Subcommands:
    replace      Replace a phrase inside one paragraph with a tracked deletion + insertion
    add-comment  Anchor a comment to the first occurrence of a phrase

Examples:
    python redline.py work/ replace "within 30 days" "within 45 days" --author "Legal"
    python redline.py work/ add-comment "governing law" "Confirm jurisdiction with client"
"""
import argparse
import copy
import datetime as dt
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def next_id(tree) -> int:
    ids = [int(e.get(W + "id")) for e in tree.iter() if e.get(W + "id", "").isdigit()]
    return max(ids, default=0) + 1


def make_run(template_rpr, text, deleted=False):
    run = etree.Element(W + "r")
    if template_rpr is not None:
        run.append(copy.deepcopy(template_rpr))
    t = etree.SubElement(run, W + ("delText" if deleted else "t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def replace(work: Path, old: str, new: str, author: str) -> None:
    doc_path = work / "word" / "document.xml"
    tree = etree.parse(str(doc_path), PARSER)
    rid = next_id(tree)
    for run in tree.iter(W + "r"):
        t = run.find(W + "t")
        if t is None or not t.text or old not in t.text:
            continue
        before, after = t.text.split(old, 1)
        rpr = run.find(W + "rPr")
        parent = run.getparent()
        idx = parent.index(run)
        pieces = []
        if before:
            pieces.append(make_run(rpr, before))
        d = etree.Element(W + "del", {W + "id": str(rid), W + "author": author, W + "date": now()})
        d.append(make_run(rpr, old, deleted=True))
        i = etree.Element(W + "ins", {W + "id": str(rid + 1), W + "author": author, W + "date": now()})
        i.append(make_run(rpr, new))
        pieces += [d, i]
        if after:
            pieces.append(make_run(rpr, after))
        parent.remove(run)
        for offset, el in enumerate(pieces):
            parent.insert(idx + offset, el)
        tree.write(str(doc_path), xml_declaration=True, encoding="UTF-8", standalone=True)
        print(f"tracked change: {old!r} -> {new!r}")
        return
    raise SystemExit(f"phrase not found in a single run: {old!r} (did you unpack with --merge-runs?)")


def ensure_comments_part(work: Path):
    comments = work / "word" / "comments.xml"
    if comments.exists():
        return etree.parse(str(comments), PARSER)
    root = etree.Element(W + "comments", nsmap={"w": W_NS})
    tree = etree.ElementTree(root)
    tree.write(str(comments), xml_declaration=True, encoding="UTF-8", standalone=True)

    rels = work / "word" / "_rels" / "document.xml.rels"
    rtree = etree.parse(str(rels), PARSER)
    rroot = rtree.getroot()
    ns = rroot.nsmap[None]
    existing = {r.get("Id") for r in rroot}
    n = 1
    while f"rId{n}" in existing:
        n += 1
    etree.SubElement(rroot, "{%s}Relationship" % ns, {
        "Id": f"rId{n}",
        "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
        "Target": "comments.xml",
    })
    rtree.write(str(rels), xml_declaration=True, encoding="UTF-8", standalone=True)

    ct = work / "[Content_Types].xml"
    ctree = etree.parse(str(ct), PARSER)
    croot = ctree.getroot()
    cns = croot.nsmap[None]
    etree.SubElement(croot, "{%s}Override" % cns, {
        "PartName": "/word/comments.xml",
        "ContentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    })
    ctree.write(str(ct), xml_declaration=True, encoding="UTF-8", standalone=True)
    return tree


def add_comment(work: Path, anchor: str, text: str, author: str) -> None:
    doc_path = work / "word" / "document.xml"
    tree = etree.parse(str(doc_path), PARSER)
    ctree = ensure_comments_part(work)
    cid = str(max([int(c.get(W + "id")) for c in ctree.getroot()] + [-1]) + 1)
    for run in tree.iter(W + "r"):
        t = run.find(W + "t")
        if t is None or not t.text or anchor not in t.text:
            continue
        parent = run.getparent()
        idx = parent.index(run)
        parent.insert(idx, etree.Element(W + "commentRangeStart", {W + "id": cid}))
        parent.insert(idx + 2, etree.Element(W + "commentRangeEnd", {W + "id": cid}))
        ref_run = etree.Element(W + "r")
        etree.SubElement(ref_run, W + "commentReference", {W + "id": cid})
        parent.insert(idx + 3, ref_run)
        comment = etree.SubElement(ctree.getroot(), W + "comment",
                                   {W + "id": cid, W + "author": author, W + "date": now(), W + "initials": author[:2].upper()})
        p = etree.SubElement(comment, W + "p")
        r = etree.SubElement(p, W + "r")
        etree.SubElement(r, W + "t").text = text
        tree.write(str(doc_path), xml_declaration=True, encoding="UTF-8", standalone=True)
        ctree.write(str(work / "word" / "comments.xml"), xml_declaration=True, encoding="UTF-8", standalone=True)
        print(f"comment {cid} anchored at {anchor!r}")
        return
    raise SystemExit(f"anchor text not found: {anchor!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work_dir", type=Path)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("replace")
    r.add_argument("old")
    r.add_argument("new")
    r.add_argument("--author", default="Claude")
    c = sub.add_parser("add-comment")
    c.add_argument("anchor")
    c.add_argument("text")
    c.add_argument("--author", default="Claude")
    args = ap.parse_args()
    if args.cmd == "replace":
        replace(args.work_dir, args.old, args.new, args.author)
    else:
        add_comment(args.work_dir, args.anchor, args.text, args.author)


if __name__ == "__main__":
    main()
