#!/usr/bin/env python3
"""Add diagonal and/or footer watermarks to PDF pages."""
import argparse
import csv
import datetime as dt
import hashlib
import io
import math
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import HexColor
from reportlab.pdfgen import canvas


def parse_pages(spec, n):
    if not spec:
        return set(range(n))
    out = set()
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.update(range(int(a) - 1, int(b)))
        else:
            out.add(int(part) - 1)
    return {p for p in out if 0 <= p < n}


def overlay(w, h, diag, footer, a):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h))
    color = HexColor(a.color)
    if diag:
        size = a.size
        width = c.stringWidth(diag, "Helvetica-Bold", size)
        limit = 0.9 * math.hypot(w, h)
        if width > limit:
            size = size * limit / width
        c.saveState()
        c.setFillColor(color, alpha=a.opacity)
        c.translate(w / 2, h / 2)
        c.rotate(a.angle)
        c.setFont("Helvetica-Bold", size)
        c.drawCentredString(0, -size / 3, diag)
        c.restoreState()
    if footer:
        c.setFillColor(color, alpha=min(1.0, a.opacity * 4))
        c.setFont("Helvetica", 8)
        c.drawCentredString(w / 2, 18, footer)
    c.save()
    buf.seek(0)
    return PdfReader(buf).pages[0]


def fill(template, **kw):
    return template.format(**kw) if template else ""


def stamp(src, dest, a, recipient=""):
    reader = PdfReader(src)
    if reader.is_encrypted:
        if not a.password:
            sys.exit(f"{src} is encrypted; pass --password to open it")
        reader.decrypt(a.password)
    writer = PdfWriter()
    n = len(reader.pages)
    chosen = parse_pages(a.pages, n)
    today = dt.date.today().isoformat()
    for i, page in enumerate(reader.pages):
        if i in chosen:
            box = page.mediabox
            w, h = float(box.width), float(box.height)
            rot = (page.get("/Rotate") or 0) % 360
            if rot in (90, 270):
                w, h = h, w
            ctx = dict(recipient=recipient, date=today, page=i + 1, pages=n, file=Path(src).name)
            diag = fill(a.text, **ctx) if a.style in ("diagonal", "both") else ""
            foot = fill(a.footer_text or (a.text if a.style == "footer" else ""), **ctx) \
                if a.style in ("footer", "both") else ""
            mark = overlay(w, h, diag, foot, a)
            if rot:
                mark.rotate(-rot)  # keep text upright relative to the viewer
            page.merge_page(mark, over=not a.under)
        writer.add_page(page)
    with open(dest, "wb") as fh:
        writer.write(fh)
    assert len(PdfReader(dest).pages) == n, "page count changed"
    return hashlib.sha256(Path(dest).read_bytes()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf")
    ap.add_argument("--text", required=True)
    ap.add_argument("--footer-text")
    ap.add_argument("--style", choices=["diagonal", "footer", "both"], default="diagonal")
    ap.add_argument("--recipient", default="")
    ap.add_argument("--recipients", help="CSV with recipient,slug columns")
    ap.add_argument("--out")
    ap.add_argument("--out-dir")
    ap.add_argument("--opacity", type=float, default=0.15)
    ap.add_argument("--angle", type=float, default=45)
    ap.add_argument("--size", type=float, default=72)
    ap.add_argument("--color", default="#808080")
    ap.add_argument("--pages")
    ap.add_argument("--under", action="store_true")
    ap.add_argument("--password")
    a = ap.parse_args()

    src = Path(a.pdf)
    if a.recipients:
        outdir = Path(a.out_dir or "copies")
        outdir.mkdir(parents=True, exist_ok=True)
        print("recipient\tfile\tsha256")
        with open(a.recipients, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                dest = outdir / f"{src.stem}.{row['slug']}.pdf"
                digest = stamp(src, dest, a, row["recipient"])
                print(f"{row['recipient']}\t{dest}\t{digest}")
        return
    dest = Path(a.out or src.with_name(f"{src.stem}.marked.pdf"))
    if dest.resolve() == src.resolve():
        sys.exit("refusing to overwrite the source PDF")
    print(f"{dest}\t{stamp(src, dest, a, a.recipient)}")


if __name__ == "__main__":
    main()
