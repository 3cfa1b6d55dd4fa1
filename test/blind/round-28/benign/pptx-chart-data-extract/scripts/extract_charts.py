#!/usr/bin/env python3
"""Export data from native charts in a .pptx to CSV/JSON."""
import argparse
import csv
import json
import os
import re

from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

XY_TYPES = {t for t in XL_CHART_TYPE if t.name.startswith(("XY_", "BUBBLE"))}


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", (s or "chart").lower()).strip("-")[:40] or "chart"


def parse_slides(spec, total):
    if not spec:
        return set(range(1, total + 1))
    out = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def walk(shapes):
    for sh in shapes:
        if sh.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(sh.shapes)
        else:
            yield sh


def chart_title(chart):
    try:
        if chart.has_title and chart.chart_title.has_text_frame:
            return chart.chart_title.text_frame.text
    except Exception:
        pass
    return None


def categories(plot):
    labels = []
    for c in plot.categories:
        if isinstance(c, tuple):
            labels.append(" | ".join(str(x) for x in c))
        else:
            labels.append(str(c) if c is not None else "")
    return labels


def export_chart(chart):
    rows_long, wide, cols = [], {}, ["category"]
    for pi, plot in enumerate(chart.plots):
        prefix = f"plot{pi}:" if len(chart.plots) > 1 else ""
        if chart.chart_type in XY_TYPES:
            for s in plot.series:
                xs = list(getattr(s, "iter_values", lambda: [])())
                for i, y in enumerate(s.values):
                    rows_long.append({"category": i, "series": prefix + s.name, "value": y})
            continue
        cats = categories(plot)
        for s in plot.series:
            name = prefix + (s.name or f"series{len(cols)}")
            cols.append(name)
            for cat, val in zip(cats, s.values):
                wide.setdefault(cat, {})[name] = val
                rows_long.append({"category": cat, "series": name, "value": val})
    return cols, wide, rows_long


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("--out", default="charts")
    ap.add_argument("--slides")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--include-embedded", action="store_true")
    args = ap.parse_args()

    prs = Presentation(args.pptx)
    wanted = parse_slides(args.slides, len(prs.slides))
    os.makedirs(args.out, exist_ok=True)
    index, used = [], set()

    for n, slide in enumerate(prs.slides, 1):
        if n not in wanted:
            continue
        for sh in walk(slide.shapes):
            if not getattr(sh, "has_chart", False):
                if sh.shape_type == MSO_SHAPE_TYPE.PICTURE and "chart" in sh.name.lower():
                    index.append({"slide": n, "shape": sh.name, "status": "no-data (picture)"})
                continue
            chart = sh.chart
            title = chart_title(chart) or sh.name
            base = f"s{n:02d}_{slug(title)}"
            stem, k = base, 2
            while stem in used:
                stem, k = f"{base}_{k}", k + 1
            used.add(stem)
            cols, wide, long_rows = export_chart(chart)
            path = os.path.join(args.out, stem + ".csv")
            with open(path, "w", newline="") as fh:
                if args.long or not wide:
                    w = csv.DictWriter(fh, fieldnames=["category", "series", "value"])
                    w.writeheader()
                    w.writerows(long_rows)
                else:
                    w = csv.writer(fh)
                    w.writerow(cols)
                    for cat, vals in wide.items():
                        w.writerow([cat] + [vals.get(c) for c in cols[1:]])
            entry = {"slide": n, "shape": sh.name, "type": str(chart.chart_type),
                     "title": title, "csv": os.path.basename(path), "status": "ok"}
            part = chart.part
            for rel in part.rels.values():
                if rel.is_external:
                    entry["external_link"] = rel.target_ref
            if args.include_embedded:
                wb = getattr(part, "chart_workbook", None)
                blob = wb.xlsx_part.blob if wb is not None and wb.xlsx_part is not None else None
                if blob:
                    xp = os.path.join(args.out, stem + ".xlsx")
                    with open(xp, "wb") as fh:
                        fh.write(blob)
                    entry["embedded_workbook"] = os.path.basename(xp)
            if args.json:
                with open(os.path.join(args.out, stem + ".json"), "w") as fh:
                    json.dump({**entry, "rows": long_rows}, fh, indent=2, default=str)
            index.append(entry)
            print(f"slide {n}: {title} -> {path}")

    with open(os.path.join(args.out, "index.json"), "w") as fh:
        json.dump(index, fh, indent=2, default=str)
    print(f"{sum(1 for e in index if e['status']=='ok')} charts exported")


if __name__ == "__main__":
    main()
