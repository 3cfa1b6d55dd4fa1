#!/usr/bin/env python3
import argparse
import csv
import json
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches, Pt

CHARTS = {"line": XL_CHART_TYPE.LINE_MARKERS, "bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "pie": XL_CHART_TYPE.PIE}


def bullets(frame, items, size=20):
    frame.clear()
    for i, text in enumerate(items):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = text
        p.font.size = Pt(size)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outline", type=Path)
    ap.add_argument("-o", "--output", default="deck.pptx")
    ap.add_argument("--template")
    a = ap.parse_args()
    spec = json.loads(a.outline.read_text(encoding="utf-8"))
    prs = Presentation(a.template) if a.template else Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = spec["title"]
    if len(s.placeholders) > 1:
        s.placeholders[1].text = spec.get("subtitle", "")

    for sl in spec["slides"]:
        kind = sl.get("type", "bullets")
        if kind == "bullets":
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = sl["title"]
            bullets(slide.placeholders[1].text_frame, sl.get("bullets", []))
        elif kind == "two_column":
            slide = prs.slides.add_slide(prs.slide_layouts[3])
            slide.shapes.title.text = sl["title"]
            bullets(slide.placeholders[1].text_frame, sl.get("left", []))
            bullets(slide.placeholders[2].text_frame, sl.get("right", []))
        elif kind == "chart":
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = sl["title"]
            with open(a.outline.parent / sl["csv"], newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            data = CategoryChartData()
            data.categories = [r[0] for r in rows[1:]]
            for j, name in enumerate(rows[0][1:], start=1):
                data.add_series(name, [float(r[j]) for r in rows[1:]])
            gf = slide.shapes.add_chart(CHARTS[sl.get("chart", "bar")], Inches(0.8), Inches(1.6),
                                        Inches(11.7), Inches(5.4), data)
            gf.chart.has_legend = len(rows[0]) > 2
            if gf.chart.has_legend:
                gf.chart.legend.position = XL_LEGEND_POSITION.BOTTOM
                gf.chart.legend.include_in_layout = False
        else:
            raise SystemExit(f"unknown slide type: {kind}")
        if sl.get("notes"):
            slide.notes_slide.notes_text_frame.text = sl["notes"]
    prs.save(a.output)
    print(f"wrote {a.output} ({len(prs.slides)} slides)")


if __name__ == "__main__":
    main()
