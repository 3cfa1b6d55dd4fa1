#!/usr/bin/env python3
"""Build a deck of native chart slides from a YAML spec (see SKILL.md)."""
import argparse
from pathlib import Path

import pandas as pd
import yaml
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt

TYPES = {
    "clustered_column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_column": XL_CHART_TYPE.COLUMN_STACKED,
    "clustered_bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.BAR_STACKED,
    "line": XL_CHART_TYPE.LINE,
    "line_markers": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
}
LEGEND = {"bottom": XL_LEGEND_POSITION.BOTTOM, "right": XL_LEGEND_POSITION.RIGHT,
          "top": XL_LEGEND_POSITION.TOP}


def load(ref, base):
    path, _, sheet = ref.partition("#")
    path = base / path
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return pd.read_excel(path, sheet_name=sheet or 0)
    return pd.read_csv(path)


def chart_data(df, kind):
    if kind == "scatter":
        data = XyChartData()
        for col in df.columns[1:]:
            series = data.add_series(str(col))
            for x, y in zip(df.iloc[:, 0], df[col]):
                series.add_data_point(float(x), float(y))
        return data
    data = CategoryChartData()
    data.categories = [str(c) for c in df.iloc[:, 0]]
    for col in df.columns[1:]:
        data.add_series(str(col), [None if pd.isna(v) else float(v) for v in df[col]])
    return data


def find_layout(prs, name):
    for layout in prs.slide_layouts:
        if layout.name == name:
            return layout
    raise SystemExit(f"layout '{name}' not found; run list_layouts.py")


def place_chart(prs, slide, kind, data):
    for ph in slide.placeholders:
        if ph.placeholder_format.type == PP_PLACEHOLDER.CHART:
            return ph.insert_chart(TYPES[kind], data)
    top = Inches(1.4)
    if slide.shapes.title is not None:
        t = slide.shapes.title
        top = t.top + t.height + Inches(0.2)
    margin = Inches(0.4)
    frame = slide.shapes.add_chart(TYPES[kind], margin, top,
                                   prs.slide_width - 2 * margin,
                                   prs.slide_height - top - margin, data)
    return frame


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    spec_path = Path(args.spec)
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    base = spec_path.parent
    prs = Presentation(base / spec["template"]) if spec.get("template") else Presentation()
    layout = find_layout(prs, spec.get("layout", "Title Only"))

    for item in spec["slides"]:
        kind = item["chart"]
        if kind not in TYPES:
            raise SystemExit(f"unknown chart type {kind}; choose from {', '.join(TYPES)}")
        df = load(item["data"], base)
        slide = prs.slides.add_slide(layout)
        if slide.shapes.title is not None:
            slide.shapes.title.text = item["title"]
        frame = place_chart(prs, slide, kind, chart_data(df, kind))
        frame.name = f"{item['title']} chart"
        chart = frame.chart
        chart.has_legend = len(df.columns) > 2 or kind in ("pie", "doughnut")
        if chart.has_legend:
            chart.legend.position = LEGEND[item.get("legend", "bottom")]
            chart.legend.include_in_layout = False
        chart.font.size = Pt(item.get("font_size", 12))
        plot = chart.plots[0]
        if item.get("data_labels"):
            plot.has_data_labels = True
            plot.data_labels.number_format = item.get("number_format", "General")
            plot.data_labels.number_format_is_linked = False
        if kind not in ("pie", "doughnut"):
            axis = chart.value_axis
            axis.tick_labels.number_format = item.get("number_format", "General")
            axis.tick_labels.number_format_is_linked = False
            if "column" in kind or "bar" in kind:
                axis.minimum_scale = 0
        print(f"slide {len(prs.slides)}: {item['title']} ({kind}, {len(df)} rows)")

    prs.save(args.output)
    print(f"saved {args.output}")


if __name__ == "__main__":
    main()
