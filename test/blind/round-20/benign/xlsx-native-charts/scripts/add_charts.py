#!/usr/bin/env python3
"""Add native charts to an .xlsx from a JSON spec, or inspect charts in a workbook."""
from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.chart import (AreaChart, BarChart, DoughnutChart, LineChart, PieChart, Reference,
                            ScatterChart, Series)
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import range_boundaries

KINDS = {"bar": BarChart, "barh": BarChart, "line": LineChart, "area": AreaChart,
         "scatter": ScatterChart, "pie": PieChart, "doughnut": DoughnutChart}


def ref(wb, default_ws, spec: str) -> Reference:
    if "!" in spec:
        sheet, rng = spec.rsplit("!", 1)
        ws = wb[sheet.strip("'")]
    else:
        ws, rng = default_ws, spec
    min_col, min_row, max_col, max_row = range_boundaries(rng)
    return Reference(ws, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row)


def build(wb, ws, spec: dict):
    kind = spec["type"]
    cls = KINDS[kind]
    ch = cls()
    if kind == "bar":
        ch.type = "col"
    elif kind == "barh":
        ch.type = "bar"
    if kind in ("bar", "barh"):
        ch.grouping = "stacked" if spec.get("stacked") else "clustered"
        if spec.get("stacked"):
            ch.overlap = 100
        ch.gapWidth = 80
    ch.style = spec.get("style", 10)
    ch.title = spec.get("title")
    ch.width, ch.height = spec.get("width", 18), spec.get("height", 9)
    if ch.legend is not None:
        ch.legend.position = spec.get("legend", "b")

    if kind == "scatter":
        x = ref(wb, ws, spec["x"])
        for s in spec["series"]:
            ch.series.append(Series(ref(wb, ws, s), x, title_from_data=spec.get("titles_from_data", True)))
    else:
        for s in spec["series"]:
            ch.add_data(ref(wb, ws, s), titles_from_data=spec.get("titles_from_data", True))
        if spec.get("categories"):
            ch.set_categories(ref(wb, ws, spec["categories"]))

    if hasattr(ch, "y_axis"):
        if spec.get("y_title"):
            ch.y_axis.title = spec["y_title"]
        if spec.get("number_format"):
            ch.y_axis.numFmt = spec["number_format"]
        if spec.get("x_title"):
            ch.x_axis.title = spec["x_title"]
    if spec.get("data_labels"):
        ch.dataLabels = DataLabelList(); ch.dataLabels.showVal = True
    return ch


def add_chart(wb, spec: dict) -> None:
    ws = wb[spec["sheet"]]
    if spec["type"] == "combo":
        base = build(wb, ws, {**spec, "type": "bar"})
        sec = spec["secondary"]
        second = build(wb, ws, {**sec, "categories": spec.get("categories"), "title": None})
        second.y_axis.axId = 200
        second.y_axis.crosses = "max"
        base += second
        chart = base
    else:
        chart = build(wb, ws, spec)
    target = wb[spec["place_on"]] if spec.get("place_on") else ws
    target.add_chart(chart, spec.get("anchor", "H2"))


def existing_charts(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return sum(1 for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))


def inspect(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if re.match(r"xl/charts/chart\d+\.xml$", n):
                xml = z.read(n).decode("utf-8", "replace")
                kinds = re.findall(r"<c:(\w+Chart)>", xml)
                refs = re.findall(r"<c:f>([^<]+)</c:f>", xml)
                print(f"{n}: {', '.join(kinds)}")
                for r in refs:
                    print(f"    {r}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook", type=Path)
    ap.add_argument("spec", type=Path, nargs="?")
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--inspect", action="store_true")
    a = ap.parse_args()

    if a.inspect:
        inspect(a.workbook)
        return 0
    if not a.spec:
        ap.error("spec is required unless --inspect")
    specs = json.loads(a.spec.read_text(encoding="utf-8"))
    n_existing = existing_charts(a.workbook)
    out = a.output or a.workbook
    if n_existing and out.resolve() == a.workbook.resolve():
        sys.exit(f"{a.workbook} already has {n_existing} chart(s) that openpyxl would drop; use -o NEW.xlsx")
    wb = load_workbook(a.workbook)
    for s in specs:
        add_chart(wb, s)
    wb.save(out)
    print(f"added {len(specs)} chart(s) -> {out}")
    if n_existing:
        print(f"note: {n_existing} pre-existing chart(s) in the source are NOT in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
