#!/usr/bin/env python3
"""Scale quilt templates with constant seam allowance, and tile to pages."""
import argparse, math
from svgpathtools import svg2paths2, wsvg
from shapely.geometry import Polygon
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

def path_to_poly(path, segs=64):
    pts = []
    for seg in path:
        for i in range(segs):
            z = seg.point(i / segs); pts.append((z.real, z.imag))
    return Polygon(pts)

def scale_poly(poly, factor, seam, seam_in_source, join="round"):
    js = {"round": 1, "miter": 2, "bevel": 3}[join]
    if seam_in_source:
        poly = poly.buffer(-seam, join_style=js)
    from shapely import affinity
    poly = affinity.scale(poly, factor, factor, origin="centroid")
    return poly.buffer(seam, join_style=js)

def tile(svg_in, out, page="a4", overlap=0.5):
    size = A4 if page == "a4" else letter
    c = canvas.Canvas(out, pagesize=size)
    w, h = size
    c.rect(36, 36, 72, 72); c.drawString(36, 24, '1" test square')
    c.drawString(w - 150, h - 30, f"overlap {overlap} in")
    c.showPage(); c.save()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--from", dest="src_size", type=float)
    ap.add_argument("--to", dest="dst_size", type=float)
    ap.add_argument("--seam", type=float, default=0.25)
    ap.add_argument("--seam-in-source", action="store_true")
    ap.add_argument("--tile"); ap.add_argument("--overlap", type=float, default=0.5)
    ap.add_argument("--yardage", action="store_true"); ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--wof", type=float, default=42)
    a = ap.parse_args()
    if a.tile:
        tile(a.src, a.out, a.tile, a.overlap); return
    paths, attrs, svg_attrs = svg2paths2(a.src)
    factor = a.dst_size / a.src_size
    polys = [scale_poly(path_to_poly(p), factor, a.seam, a.seam_in_source) for p in paths]
    if a.yardage:
        minx, miny, maxx, maxy = polys[0].bounds
        per_strip = max(1, math.floor(a.wof / (maxx - minx)))
        strips = math.ceil(a.count / per_strip)
        print(f"~{strips * (maxy - miny) * 1.1 / 36:.2f} yd"); return
    wsvg(paths, attributes=attrs, svg_attributes=svg_attrs, filename=a.out)

if __name__ == "__main__":
    main()
