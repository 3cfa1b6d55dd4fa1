#!/usr/bin/env python3
"""Write reviewed alt text / titles from findings.csv back into a copy of the deck."""
import argparse
import csv
import copy
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Emu, Pt

DECOR_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def find_cnvpr(slide, shape_id):
    for el in slide.shapes._spTree.iter():
        if el.tag.endswith("}cNvPr") and el.get("id") == str(shape_id):
            return el
    return None


def mark_decorative(cnvpr):
    cnvpr.set("descr", "")
    ext_lst = cnvpr.find(f"{{{A_NS}}}extLst")
    if ext_lst is None:
        ext_lst = etree.SubElement(cnvpr, f"{{{A_NS}}}extLst")
    ext = etree.SubElement(ext_lst, f"{{{A_NS}}}ext", uri=DECOR_URI)
    etree.SubElement(ext, f"{{{ADEC_NS}}}decorative", nsmap={"adec": ADEC_NS}, val="1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("findings")
    ap.add_argument("--out", required=True)
    ap.add_argument("--fix-order", action="store_true")
    a = ap.parse_args()
    if Path(a.out).resolve() == Path(a.pptx).resolve():
        raise SystemExit("refusing to overwrite the original deck")

    prs = Presentation(a.pptx)
    changed = 0
    with open(a.findings, newline="") as fh:
        for row in csv.DictReader(fh):
            if row["slide"] == "*":
                continue
            slide = prs.slides[int(row["slide"]) - 1]
            new_alt = (row.get("new_alt") or "").strip()
            new_title = (row.get("new_title") or "").strip()
            if new_alt and row["shape_id"]:
                nv = find_cnvpr(slide, row["shape_id"])
                if nv is None:
                    print(f"slide {row['slide']}: shape {row['shape_id']} not found")
                    continue
                if new_alt == "DECORATIVE":
                    mark_decorative(nv)
                else:
                    nv.set("descr", new_alt)
                changed += 1
            if new_title and row["issue"] == "NO_TITLE":
                if slide.shapes.title is not None:
                    slide.shapes.title.text = new_title
                else:
                    # off-slide title: read by screen readers, invisible in the show
                    tb = slide.shapes.add_textbox(Emu(0), -Emu(Pt(60)), prs.slide_width, Emu(Pt(40)))
                    tb.name = "Title (accessibility)"
                    tb.text_frame.text = new_title
                    tree = slide.shapes._spTree
                    tree.remove(tb._element)
                    tree.insert(2, tb._element)
                changed += 1
            if a.fix_order and row["issue"] == "READING_ORDER" and slide.shapes.title is not None:
                el = slide.shapes.title._element
                tree = slide.shapes._spTree
                tree.remove(el)
                tree.insert(2, el)
                changed += 1
    prs.save(a.out)
    print(f"{changed} change(s) written to {a.out}")


if __name__ == "__main__":
    main()
