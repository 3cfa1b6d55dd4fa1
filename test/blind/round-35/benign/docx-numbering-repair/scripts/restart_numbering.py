#!/usr/bin/env python3
"""Restart list numbering at given paragraphs, or convert typed numbers to lists.

Usage:
  restart_numbering.py IN.docx OUT.docx --at N [--at N ...] [--all-levels]
  restart_numbering.py IN.docx OUT.docx --convert-typed

Paragraph indexes are the #NNNN values printed by numbering_report.py.
"""
import argparse
import copy
import re
import shutil
import tempfile
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TYPED_RE = re.compile(r"^(\s*)(\(?[0-9]{1,3}[.)]|\(?[a-z][.)])\s+")


def q(tag):
    return "{%s}%s" % (W, tag)


def read_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_parts(parts, src, out):
    tmp = tempfile.NamedTemporaryFile(delete=False, suffix=".docx")
    tmp.close()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp.name, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, parts[info.filename])
    shutil.move(tmp.name, out)


def numpr_of(p):
    ppr = p.find("w:pPr", NS)
    return ppr.find("w:numPr", NS) if ppr is not None else None


def new_num(numbering, abs_id, all_levels):
    ids = [int(n.get(q("numId"))) for n in numbering.findall("w:num", NS)]
    nid = str(max(ids + [0]) + 1)
    num = etree.Element(q("num"))
    num.set(q("numId"), nid)
    a = etree.SubElement(num, q("abstractNumId"))
    a.set(q("val"), abs_id)
    for lvl in range(9 if all_levels else 1):
        o = etree.SubElement(num, q("lvlOverride"))
        o.set(q("ilvl"), str(lvl))
        s = etree.SubElement(o, q("startOverride"))
        s.set(q("val"), "1")
    existing = numbering.findall("w:num", NS)
    if existing:
        existing[-1].addnext(num)
    else:
        numbering.append(num)
    return nid


def restart(doc, numbering, at, all_levels):
    paras = list(doc.iter(q("p")))
    abs_of = {
        n.get(q("numId")): n.find("w:abstractNumId", NS).get(q("val"))
        for n in numbering.findall("w:num", NS)
    }
    for idx in sorted(at):
        np_ = numpr_of(paras[idx])
        if np_ is None:
            print(f"#{idx:04d}: not a list paragraph, skipped")
            continue
        old = np_.find("w:numId", NS).get(q("val"))
        nid = new_num(numbering, abs_of[old], all_levels)
        changed = 0
        for p in paras[idx:]:
            pn = numpr_of(p)
            if pn is None:
                ppr = p.find("w:pStyle", NS) if p.find("w:pPr", NS) is None else p.find("w:pPr/w:pStyle", NS)
                if ppr is not None and ppr.get(q("val"), "").lower().startswith("heading"):
                    break
                continue
            n = pn.find("w:numId", NS)
            if n.get(q("val")) != old:
                continue
            n.set(q("val"), nid)
            changed += 1
        print(f"#{idx:04d}: numId {old} -> {nid} ({changed} paragraphs)")


def convert_typed(doc):
    last = None
    count = 0
    for p in doc.iter(q("p")):
        np_ = numpr_of(p)
        if np_ is not None:
            last = copy.deepcopy(np_)
            continue
        runs = p.findall(".//w:t", NS)
        if not runs or last is None:
            continue
        m = TYPED_RE.match(runs[0].text or "")
        if not m:
            continue
        runs[0].text = runs[0].text[m.end():]
        ppr = p.find("w:pPr", NS)
        if ppr is None:
            ppr = etree.Element(q("pPr"))
            p.insert(0, ppr)
        ppr.insert(0, copy.deepcopy(last))
        count += 1
    print(f"converted {count} typed list items")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--at", type=int, action="append", default=[])
    ap.add_argument("--all-levels", action="store_true")
    ap.add_argument("--convert-typed", action="store_true")
    args = ap.parse_args()

    parts = read_parts(args.src)
    doc = etree.fromstring(parts["word/document.xml"])
    numbering = etree.fromstring(parts["word/numbering.xml"])

    if args.at:
        restart(doc, numbering, args.at, args.all_levels)
    if args.convert_typed:
        convert_typed(doc)

    parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/numbering.xml"] = etree.tostring(numbering, xml_declaration=True, encoding="UTF-8", standalone=True)
    write_parts(parts, args.src, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
