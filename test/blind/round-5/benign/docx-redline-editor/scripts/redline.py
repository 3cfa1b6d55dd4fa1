#!/usr/bin/env python3
"""Tracked replace / comment for simple cases (text within one run).

usage:
  redline.py replace WORKDIR OLD NEW [--author NAME]
  redline.py comment WORKDIR ANCHOR TEXT [--author NAME]
"""
import argparse
import copy
import datetime as dt
from pathlib import Path
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
q = lambda tag: f"{{{W}}}{tag}"


def next_id(root):
    ids = [int(x) for x in root.xpath("//@w:id", namespaces=NS) if str(x).isdigit()]
    return max(ids, default=0) + 1


def find_run(root, text):
    for t in root.iter(q("t")):
        if t.text and text in t.text:
            return t.getparent(), t
    return None, None


def clone_run(run, text, tag="t"):
    new = etree.Element(q("r"))
    rpr = run.find(q("rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    t = etree.SubElement(new, q(tag))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return new


def replace(doc_path, old, new, author):
    tree = etree.parse(str(doc_path))
    root = tree.getroot()
    run, t = find_run(root, old)
    if run is None:
        raise SystemExit(3)
    before, _, after = t.text.partition(old)
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    nid = next_id(root)
    parent = run.getparent()
    idx = parent.index(run)
    pieces = []
    if before:
        pieces.append(clone_run(run, before))
    d = etree.Element(q("del"), {q("id"): str(nid), q("author"): author, q("date"): now})
    d.append(clone_run(run, old, "delText"))
    i = etree.Element(q("ins"), {q("id"): str(nid + 1), q("author"): author, q("date"): now})
    i.append(clone_run(run, new))
    pieces += [d, i]
    if after:
        pieces.append(clone_run(run, after))
    parent.remove(run)
    for offset, el in enumerate(pieces):
        parent.insert(idx + offset, el)
    tree.write(str(doc_path), xml_declaration=True, encoding="UTF-8", standalone=True)
    print(f"tracked replace: {old!r} -> {new!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["replace", "comment"])
    ap.add_argument("workdir")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--author", default="Reviewer")
    args = ap.parse_args()
    doc = Path(args.workdir) / "word" / "document.xml"
    if args.mode == "replace":
        replace(doc, args.a, args.b, args.author)
    else:
        raise SystemExit("comment: see references/ooxml-cheatsheet.md; not automated for multi-run anchors")


if __name__ == "__main__":
    main()
