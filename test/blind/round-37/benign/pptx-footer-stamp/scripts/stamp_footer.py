#!/usr/bin/env python3
"""Stamp footers / slide numbers / dates onto slides from their layouts."""
import argparse
import copy
import sys

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt

NSMAP = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
KINDS = {
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "number",
    PP_PLACEHOLDER.DATE: "date",
}


def section_of_slides(prs):
    """Map slide id -> section name using p14:sectionLst if present."""
    out = {}
    ext = prs.part._element.find(".//{http://schemas.microsoft.com/office/powerpoint/2010/main}sectionLst")
    if ext is None:
        return out
    for sec in ext:
        name = sec.get("name")
        for sid in sec.iter("{http://schemas.microsoft.com/office/powerpoint/2010/main}sldId"):
            out[int(sid.get("id"))] = name
    return out


def set_text(sp, text):
    txBody = sp.find(".//p:txBody", NSMAP)
    for p in txBody.findall("a:p", NSMAP):
        txBody.remove(p)
    p = etree.SubElement(txBody, "{%s}p" % NSMAP["a"])
    r = etree.SubElement(p, "{%s}r" % NSMAP["a"])
    etree.SubElement(r, "{%s}rPr" % NSMAP["a"], lang="en-US")
    t = etree.SubElement(r, "{%s}t" % NSMAP["a"])
    t.text = text


def set_slidenum(sp):
    txBody = sp.find(".//p:txBody", NSMAP)
    for p in txBody.findall("a:p", NSMAP):
        txBody.remove(p)
    p = etree.SubElement(txBody, "{%s}p" % NSMAP["a"])
    fld = etree.SubElement(p, "{%s}fld" % NSMAP["a"], id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
    etree.SubElement(fld, "{%s}rPr" % NSMAP["a"], lang="en-US")
    t = etree.SubElement(fld, "{%s}t" % NSMAP["a"])
    t.text = "‹#›"


def current_text(sp):
    return "".join(t.text or "" for t in sp.iter("{%s}t" % NSMAP["a"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("-o", "--output")
    ap.add_argument("--footer")
    ap.add_argument("--date")
    ap.add_argument("--numbers", action="store_true")
    ap.add_argument("--skip-first", action="store_true")
    ap.add_argument("--skip-last", action="store_true")
    ap.add_argument("--overwrite", action="store_true")
    ap.add_argument("--section-footer", action="append", default=[], help="Section=Footer text")
    ap.add_argument("--textbox-fallback", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not args.check and not args.output:
        sys.exit("-o/--output is required unless --check")

    prs = Presentation(args.pptx)
    sections = section_of_slides(prs)
    sec_footer = dict(s.split("=", 1) for s in args.section_footer)
    n = len(prs.slides)
    wanted = {"footer": args.footer is not None or bool(sec_footer), "number": args.numbers, "date": args.date is not None}
    report = []

    first = prs.part._element.get("firstSlideNum")
    if args.check and first:
        print(f"note: presentation firstSlideNum={first}")

    for idx, slide in enumerate(prs.slides, start=1):
        row = {"slide": idx, "layout": slide.slide_layout.name, "footer": "-", "number": "-", "date": "-", "note": ""}
        if (args.skip_first and idx == 1) or (args.skip_last and idx == n):
            row.update(footer="skip", number="skip", date="skip", note="skipped by option")
            report.append(row)
            continue
        present = {}
        for shp in slide.placeholders:
            kind = KINDS.get(shp.placeholder_format.type)
            if kind:
                present[kind] = shp._element
        layout_ph = {KINDS[p.placeholder_format.type]: p._element for p in slide.slide_layout.placeholders
                     if p.placeholder_format.type in KINDS}
        if not layout_ph:
            row["note"] = "layout has no footer placeholders"
        for shp in slide.shapes:
            if not shp.is_placeholder and shp.has_text_frame and shp.top > prs.slide_height * 0.88:
                row["note"] = (row["note"] + "; " if row["note"] else "") + "possible manual footer textbox"
        footer_text = sec_footer.get(sections.get(slide.slide_id), args.footer)
        for kind, on in wanted.items():
            if not on:
                continue
            sp = present.get(kind)
            if sp is None and kind in layout_ph:
                if not args.check:
                    sp = copy.deepcopy(layout_ph[kind])
                    slide.shapes._spTree.append(sp)
                row[kind] = "added"
            elif sp is not None:
                row[kind] = "present"
            elif args.textbox_fallback and not args.check and kind == "footer" and footer_text:
                tb = slide.shapes.add_textbox(prs.slide_width // 3, int(prs.slide_height * 0.93),
                                              prs.slide_width // 3, int(prs.slide_height * 0.05))
                tb.text_frame.text = footer_text
                tb.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
                row[kind] = "textbox"
                continue
            if sp is None or args.check:
                continue
            if kind == "footer" and footer_text is not None:
                if row[kind] == "present" and current_text(sp) and current_text(sp) != footer_text and not args.overwrite:
                    row["note"] += f"; footer differs ('{current_text(sp)}'), kept"
                    continue
                set_text(sp, footer_text)
            elif kind == "date":
                set_text(sp, args.date)
            elif kind == "number":
                set_slidenum(sp)
        report.append(row)

    print(f"{'slide':<6} {'layout':<28} {'footer':<8} {'number':<8} {'date':<8} note")
    for r in report:
        print(f"{r['slide']:<6} {r['layout'][:27]:<28} {r['footer']:<8} {r['number']:<8} {r['date']:<8} {r['note'].strip('; ')}")
    if not args.check:
        prs.save(args.output)
        print(f"saved {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
