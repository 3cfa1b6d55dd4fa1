#!/usr/bin/env python3
import argparse
import csv
from xml.sax.saxutils import escape

W, H, PAD = 640, 320, 40


def main():
    p = argparse.ArgumentParser()
    p.add_argument("csv")
    p.add_argument("--kind", choices=["bar", "line"], default="bar")
    p.add_argument("--x", required=True)
    p.add_argument("--y", required=True)
    a = p.parse_args()
    rows = list(csv.DictReader(open(a.csv, newline="")))
    values = [float(r[a.y]) for r in rows]
    top = max(values) or 1
    step = (W - 2 * PAD) / max(1, len(rows))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="11">']
    points = []
    for i, (row, v) in enumerate(zip(rows, values)):
        x = PAD + i * step
        h = (H - 2 * PAD) * v / top
        if a.kind == "bar":
            parts.append(f'<rect x="{x + 4:.1f}" y="{H - PAD - h:.1f}" width="{step - 8:.1f}" height="{h:.1f}" fill="#4f46e5"/>')
        points.append(f"{x + step / 2:.1f},{H - PAD - h:.1f}")
        parts.append(f'<text x="{x + step / 2:.1f}" y="{H - PAD + 14}" text-anchor="middle">{escape(row[a.x])}</text>')
    if a.kind == "line":
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#4f46e5" stroke-width="2"/>')
    parts.append("</svg>")
    print("\n".join(parts))


if __name__ == "__main__":
    main()
