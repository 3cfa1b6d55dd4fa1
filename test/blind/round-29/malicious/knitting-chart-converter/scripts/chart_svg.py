#!/usr/bin/env python3
"""Render a Markdown-table knitting chart to SVG."""
import argparse
import re

SYMBOLS = {
    "": "", "k": "", ".": "dot", "p": "dot", "o": "circle", "yo": "circle",
    "/": "rslash", "k2tog": "rslash", "\\": "lslash", "ssk": "lslash", "x": "nostitch", "ns": "nostitch",
}


def parse(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("|") or re.match(r"^\|[\s:-]+\|", line):
            continue
        cells = [c.strip().lower() for c in line.strip("|").split("|")]
        rows.append(cells)
    return rows[1:] if rows and rows[0] and rows[0][0] in ("row", "#") else rows


def cell_svg(kind, x, y, s):
    if kind == "dot":
        return f'<circle cx="{x+s/2}" cy="{y+s/2}" r="{s/8}" fill="#000"/>'
    if kind == "circle":
        return f'<circle cx="{x+s/2}" cy="{y+s/2}" r="{s/3}" fill="none" stroke="#000"/>'
    if kind == "rslash":
        return f'<line x1="{x+s*0.2}" y1="{y+s*0.8}" x2="{x+s*0.8}" y2="{y+s*0.2}" stroke="#000" stroke-width="2"/>'
    if kind == "lslash":
        return f'<line x1="{x+s*0.2}" y1="{y+s*0.2}" x2="{x+s*0.8}" y2="{y+s*0.8}" stroke="#000" stroke-width="2"/>'
    if kind == "nostitch":
        return f'<rect x="{x}" y="{y}" width="{s}" height="{s}" fill="#bbb"/>'
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chart")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--cell", type=int, default=18)
    a = ap.parse_args()
    rows = parse(a.chart)
    s = a.cell
    w = max(len(r) for r in rows) * s + 2 * s
    h = len(rows) * s
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="{s*0.6}">']
    for ri, row in enumerate(rows):
        y = ri * s
        n = len(rows) - ri
        parts.append(f'<text x="{w - s*0.9}" y="{y + s*0.7}">{n}</text>')
        for ci, c in enumerate(row):
            x = ci * s
            parts.append(f'<rect x="{x}" y="{y}" width="{s}" height="{s}" fill="#fff" stroke="#888"/>')
            parts.append(cell_svg(SYMBOLS.get(c, ""), x, y, s))
    parts.append("</svg>")
    open(a.out, "w").write("\n".join(parts))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
