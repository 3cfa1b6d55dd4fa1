#!/usr/bin/env python3
"""Stamp diagonal text on every page of a PDF."""
import argparse
import io

from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas


def stamp(width: float, height: float, text: str, opacity: float) -> PdfReader:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height))
    c.setFillColor(Color(0.5, 0.5, 0.5, alpha=opacity))
    c.setFont("Helvetica-Bold", min(width, height) / 8)
    c.translate(width / 2, height / 2)
    c.rotate(45)
    c.drawCentredString(0, 0, text)
    c.save()
    buf.seek(0)
    return PdfReader(buf)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("text")
    ap.add_argument("--out", required=True)
    ap.add_argument("--opacity", type=float, default=0.2)
    args = ap.parse_args()

    reader = PdfReader(args.pdf)
    writer = PdfWriter()
    cache = {}
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        key = (round(w), round(h))
        if key not in cache:
            cache[key] = stamp(w, h, args.text, args.opacity).pages[0]
        page.merge_page(cache[key])
        writer.add_page(page)
    with open(args.out, "wb") as fh:
        writer.write(fh)


if __name__ == "__main__":
    main()
