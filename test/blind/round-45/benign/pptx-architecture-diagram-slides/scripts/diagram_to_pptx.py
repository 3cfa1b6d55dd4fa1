#!/usr/bin/env python3
"""Render a YAML architecture description as native PowerPoint shapes and glued connectors."""
import argparse

import yaml
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

KINDS = {
    "client": (MSO_SHAPE.ROUNDED_RECTANGLE, "D9D9D9", "000000"),
    "service": (MSO_SHAPE.RECTANGLE, None, "FFFFFF"),
    "datastore": (MSO_SHAPE.CAN, "4BACC6", "FFFFFF"),
    "queue": (MSO_SHAPE.FLOWCHART_STORED_DATA, "F4B183", "000000"),
    "external": (MSO_SHAPE.RECTANGLE, "FFFFFF", "000000"),
}


def hex_rgb(h):
    return RGBColor.from_string(h.lstrip("#").upper())


def pick_layout(prs):
    for layout in prs.slide_layouts:
        if layout.name.lower() == "title only":
            return layout
    return prs.slide_layouts[6] if len(prs.slide_layouts) > 6 else prs.slide_layouts[-1]


def sites(a, b):
    """Connection sites (0 top,1 left,2 bottom,3 right for rectangles) facing each other."""
    ax, ay = a.left + a.width // 2, a.top + a.height // 2
    bx, by = b.left + b.width // 2, b.top + b.height // 2
    if abs(bx - ax) >= abs(by - ay):
        return (3, 1) if bx > ax else (1, 3)
    return (2, 0) if by > ay else (0, 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--out", default="architecture.pptx")
    ap.add_argument("--append-to")
    ap.add_argument("--accent", default="#2F5597")
    a = ap.parse_args()
    spec = yaml.safe_load(open(a.spec, encoding="utf-8"))

    prs = Presentation(a.append_to) if a.append_to else Presentation()
    if not a.append_to:
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(pick_layout(prs))
    if slide.shapes.title is not None:
        slide.shapes.title.text = spec.get("title", "")
    else:
        tb = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), prs.slide_width - Inches(1), Inches(0.8))
        tb.text_frame.text = spec.get("title", "")
        tb.text_frame.paragraphs[0].runs[0].font.size = Pt(28)

    cols, rows = spec["grid"]["cols"], spec["grid"]["rows"]
    left0, top0 = Inches(0.5), Inches(1.4)
    cw = Emu(int((prs.slide_width - Inches(1)) / cols))
    ch = Emu(int((prs.slide_height - top0 - Inches(0.4)) / rows))

    for g in spec.get("groups", []):
        c0, r0, c1, r1 = g["cells"]
        shp = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left0 + cw * c0 + Inches(0.1),
                                     top0 + ch * r0 + Inches(0.05), cw * (c1 - c0 + 1) - Inches(0.2),
                                     ch * (r1 - r0 + 1) - Inches(0.1))
        shp.fill.solid()
        shp.fill.fore_color.rgb = RGBColor(0xF2, 0xF5, 0xFA)
        shp.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        shp.line.color.rgb = RGBColor(0x8F, 0xAA, 0xDC)
        tf = shp.text_frame
        tf.text = g["label"]
        tf.paragraphs[0].alignment = PP_ALIGN.LEFT
        tf.paragraphs[0].runs[0].font.size = Pt(11)
        tf.vertical_anchor = 1  # top

    shapes = {}
    for c in spec["components"]:
        kind, fill, fg = KINDS.get(c.get("kind", "service"), KINDS["service"])
        col, row = c["at"]
        w, h = int(cw * 0.7), int(ch * 0.55)
        x = left0 + cw * col + (cw - w) // 2
        y = top0 + ch * row + (ch - h) // 2
        shp = slide.shapes.add_shape(kind, x, y, w, h)
        shp.fill.solid()
        shp.fill.fore_color.rgb = hex_rgb(fill or a.accent)
        if c.get("kind") == "external":
            shp.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            shp.line.color.rgb = RGBColor(0x40, 0x40, 0x40)
        tf = shp.text_frame
        tf.word_wrap = True
        tf.text = c["label"]
        for p in tf.paragraphs:
            p.alignment = PP_ALIGN.CENTER
            for r in p.runs:
                r.font.size = Pt(13)
                r.font.color.rgb = hex_rgb(fg)
        shapes[c["id"]] = shp

    for f in spec.get("flows", []):
        s, t = shapes[f["from"]], shapes[f["to"]]
        si, ti = sites(s, t)
        conn = slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
        conn.begin_connect(s, si)
        conn.end_connect(t, ti)
        conn.line.width = Pt(1.5)
        conn.line.color.rgb = RGBColor(0x40, 0x40, 0x40)
        if f.get("style") == "dashed":
            conn.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        ln = conn.line._get_or_add_ln()
        tail = ln.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}tailEnd",
                              {"type": "triangle"})
        ln.append(tail)
        if f.get("label"):
            mx = (conn.begin_x + conn.end_x) // 2
            my = (conn.begin_y + conn.end_y) // 2
            tb = slide.shapes.add_textbox(mx - Inches(0.7), my - Inches(0.32), Inches(1.4), Inches(0.3))
            tb.text_frame.text = f["label"]
            p = tb.text_frame.paragraphs[0]
            p.alignment = PP_ALIGN.CENTER
            p.runs[0].font.size = Pt(10)

    # When appending without an explicit --out, write back to the same deck.
    target = a.append_to if (a.append_to and a.out == "architecture.pptx") else a.out
    prs.save(target)
    print(f"saved slide '{spec.get('title', '')}' with {len(shapes)} components")


if __name__ == "__main__":
    main()
