#!/usr/bin/env python3
"""Inventory, extract and apply table styles in a .pptx deck."""
import argparse
import json
import re

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

NUMERIC = re.compile(r"^\(?[-+]?[$€£¥]?\s?\d[\d,.\s]*(%|[kKmMbB]n?)?\)?$")


def slide_range(spec, n):
    if not spec:
        return set(range(1, n + 1))
    out = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def title_of(slide):
    t = slide.shapes.title
    return t.text_frame.text.strip() if t is not None and t.has_text_frame else ""


def tables(prs, chosen):
    for i, slide in enumerate(prs.slides, start=1):
        if i not in chosen:
            continue
        for shp in slide.shapes:
            if shp.has_table:
                yield i, slide, shp
            elif shp.shape_type is not None and "EMBEDDED" in str(shp.shape_type):
                yield i, slide, ("embedded", shp)
            elif shp.shape_type is not None and "PICTURE" in str(shp.shape_type) and "table" in shp.name.lower():
                yield i, slide, ("picture", shp)


def inventory(a):
    prs = Presentation(a.src)
    for i, slide, item in tables(prs, slide_range(a.slides, len(prs.slides))):
        if isinstance(item, tuple):
            kind, shp = item
            label = "EMBEDDED OBJECT  (not restyled)" if kind == "embedded" else \
                f'PICTURE that looks like a table? (named "{shp.name}")'
            print(f"slide {i:2d}  {label}")
            continue
        tbl = item.table
        tbl_el = tbl._tbl
        sid = tbl_el.find(qn("a:tblPr") + "/" + qn("a:tableStyleId"))
        fonts, manual = set(), 0
        for row in tbl.rows:
            for cell in row.cells:
                if cell._tc.find(qn("a:tcPr") + "/" + qn("a:solidFill")) is not None:
                    manual += 1
                for p in cell.text_frame.paragraphs:
                    for r in p.runs:
                        fonts.add(f"{r.font.name or 'inherit'} {int(r.font.size.pt) if r.font.size else '?'}")
        t = title_of(slide)
        print(f'slide {i:2d}  {(chr(34) + t + chr(34)) if t else "(untitled)":24s} '
              f"{len(tbl.rows)}x{len(tbl.columns)}  style={sid.text if sid is not None else 'none'}  "
              f"manual fills: {manual}  fonts: {', '.join(sorted(fonts)) or '-'}")


def set_fill(cell, hex_):
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(hex_)


def set_border(cell, edge, spec):
    tcPr = cell._tc.get_or_add_tcPr()
    tag = {"top": "a:lnT", "bottom": "a:lnB", "left": "a:lnL", "right": "a:lnR"}[edge]
    for old in tcPr.findall(qn(tag)):
        tcPr.remove(old)
    ln = etree.SubElement(tcPr, qn(tag))
    if spec is None:
        ln.set("w", "0")
        etree.SubElement(ln, qn("a:noFill"))
    else:
        ln.set("w", str(int(spec["width_pt"] * 12700)))
        sf = etree.SubElement(ln, qn("a:solidFill"))
        c = etree.SubElement(sf, qn("a:srgbClr"))
        c.set("val", spec["color"])
    # schema order: lnL, lnR, lnT, lnB must precede fills
    order = [qn("a:lnL"), qn("a:lnR"), qn("a:lnT"), qn("a:lnB")]
    lines = sorted([e for e in tcPr if e.tag in order], key=lambda e: order.index(e.tag))
    for e in lines:
        tcPr.remove(e)
    for k, e in enumerate(lines):
        tcPr.insert(k, e)


def style_runs(cell, font, color=None, bold=None):
    for p in cell.text_frame.paragraphs:
        for r in p.runs:
            if font.get("name"):
                r.font.name = font["name"]
                rPr = r._r.get_or_add_rPr()
                for t in ("a:ea", "a:cs"):
                    el = rPr.find(qn(t))
                    if el is None:
                        el = etree.SubElement(rPr, qn(t))
                    el.set("typeface", font["name"])
            if font.get("size_pt"):
                r.font.size = Pt(font["size_pt"])
            c = color or font.get("color")
            if c:
                r.font.color.rgb = RGBColor.from_string(c)
            if bold is not None:
                r.font.bold = bold


def apply(a):
    style = json.load(open(a.style))
    prs = Presentation(a.src)
    for i, slide, item in tables(prs, slide_range(a.slides, len(prs.slides))):
        if isinstance(item, tuple):
            print(f"slide {i}: skipped {item[0]} object")
            continue
        tbl = item.table
        tblPr = tbl._tbl.tblPr
        if style.get("clear_builtin_style", True):
            sid = tblPr.find(qn("a:tableStyleId"))
            if sid is not None:
                tblPr.remove(sid)
            for flag in ("bandRow", "firstRow", "bandCol", "lastRow", "firstCol", "lastCol"):
                if flag in tblPr.attrib:
                    del tblPr.attrib[flag]
        changed = 0
        pad = style.get("padding_pt", {})
        for r_idx, row in enumerate(tbl.rows):
            for c_idx, cell in enumerate(row.cells):
                if cell.is_spanned:
                    continue
                font = style.get("font", {})
                if r_idx == 0 and "header" in style:
                    h = style["header"]
                    if h.get("fill"):
                        set_fill(cell, h["fill"])
                    style_runs(cell, font, h.get("font_color"), h.get("bold"))
                else:
                    band = style.get("banding")
                    if band:
                        set_fill(cell, band["odd_fill"] if r_idx % 2 else band["even_fill"])
                    bold = style.get("first_column", {}).get("bold") if c_idx == 0 else None
                    style_runs(cell, font, None, bold)
                    if style.get("numbers", {}).get("align") == "right" and NUMERIC.match(cell.text.strip() or "x"):
                        for p in cell.text_frame.paragraphs:
                            p.alignment = PP_ALIGN.RIGHT
                b = style.get("borders", {})
                if "horizontal" in b:
                    set_border(cell, "top", b["horizontal"])
                    set_border(cell, "bottom", b["horizontal"])
                if "vertical" in b:
                    set_border(cell, "left", b["vertical"])
                    set_border(cell, "right", b["vertical"])
                for side in ("left", "right", "top", "bottom"):
                    if side in pad:
                        setattr(cell, f"margin_{side}", Pt(pad[side]))
                changed += 1
        print(f"slide {i}: restyled {changed} cells")
    prs.save(a.out)
    print(f"wrote {a.out}")


def extract(a):
    prs = Presentation(a.src)
    slide = prs.slides[a.slide - 1]
    shp = next(s for s in slide.shapes if s.has_table)
    tbl = shp.table
    hdr, body = tbl.cell(0, 0), tbl.cell(1, 0) if len(tbl.rows) > 1 else tbl.cell(0, 0)

    def first_run(cell):
        for p in cell.text_frame.paragraphs:
            for r in p.runs:
                return r
        return None

    def fill_hex(cell):
        try:
            return str(cell.fill.fore_color.rgb)
        except (AttributeError, TypeError):
            return None

    hr, br = first_run(hdr), first_run(body)
    out = {
        "font": {"name": br.font.name if br else None,
                 "size_pt": br.font.size.pt if br and br.font.size else None},
        "header": {"fill": fill_hex(hdr), "bold": bool(hr and hr.font.bold)},
        "clear_builtin_style": True,
    }
    print(json.dumps(out, indent=2))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inventory"); i.add_argument("src"); i.add_argument("--slides")
    p = sub.add_parser("apply"); p.add_argument("src"); p.add_argument("out")
    p.add_argument("--style", required=True); p.add_argument("--slides")
    e = sub.add_parser("extract"); e.add_argument("src"); e.add_argument("--slide", type=int, required=True)
    a = ap.parse_args()
    {"inventory": inventory, "apply": apply, "extract": extract}[a.cmd](a)


if __name__ == "__main__":
    main()
