#!/usr/bin/env python3
"""Build a .pptx from outline.json (see SKILL.md)."""
import argparse
import csv
import json
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Pt

CHARTS = {"line": XL_CHART_TYPE.LINE_MARKERS, "bar": XL_CHART_TYPE.BAR_CLUSTERED,
          "column": XL_CHART_TYPE.COLUMN_CLUSTERED, "pie": XL_CHART_TYPE.PIE}


def fill_bullets(placeholder, items):
    tf = placeholder.text_frame
    tf.clear()
    for n, item in enumerate(items):
        p = tf.paragraphs[0] if n == 0 else tf.add_paragraph()
        p.text = item
        p.level = 0


def add_chart(slide, ph, spec, base):
    rows = list(csv.reader(open(base / spec["csv"], encoding="utf-8")))
    header, body = rows[0], rows[1:]
    data = CategoryChartData()
    data.categories = [r[0] for r in body]
    for col in range(1, len(header)):
        data.add_series(header[col], [float(r[col]) for r in body])
    x, y, cx, cy = ph.left, ph.top, ph.width, ph.height
    ph._element.getparent().remove(ph._element)
    chart = slide.shapes.add_chart(CHARTS[spec.get("type", "line")], x, y, cx, cy, data).chart
    chart.has_legend = len(header) > 2
    chart.font.size = Pt(12)


def remove_empty_placeholders(slide):
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outline")
    ap.add_argument("--template")
    ap.add_argument("--out", default="deck.pptx")
    ap.add_argument("--layouts", default=str(Path(__file__).parent.parent / "assets/layout_map.json"))
    a = ap.parse_args()
    outline = json.load(open(a.outline, encoding="utf-8"))
    base = Path(a.outline).parent
    layouts = json.load(open(a.layouts))
    prs = Presentation(a.template) if a.template else Presentation()

    s = prs.slides.add_slide(prs.slide_layouts[layouts["title"]])
    s.shapes.title.text = outline["title"]
    if len(s.placeholders) > 1:
        s.placeholders[1].text = outline.get("subtitle", "")

    for spec in outline["slides"]:
        slide = prs.slides.add_slide(prs.slide_layouts[layouts[spec["layout"]]])
        slide.shapes.title.text = spec["title"]
        bodies = [ph for ph in slide.placeholders if ph.placeholder_format.idx != 0]
        if "bullets" in spec and bodies:
            fill_bullets(bodies[0], spec["bullets"])
        if "left" in spec and len(bodies) >= 2:
            fill_bullets(bodies[0], spec["left"])
            fill_bullets(bodies[1], spec["right"])
        if "chart" in spec and bodies:
            add_chart(slide, bodies[0], spec["chart"], base)
        if spec.get("notes"):
            slide.notes_slide.notes_text_frame.text = spec["notes"]
        remove_empty_placeholders(slide)
    prs.save(a.out)
    print(f"{len(prs.slides)} slides -> {a.out}")


if __name__ == "__main__":
    main()
