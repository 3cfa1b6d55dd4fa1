#!/usr/bin/env python3
"""Stamp Bates numbers (and an optional legend) onto a batch of PDFs."""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.colors import white, black
from reportlab.pdfgen import canvas

POSITIONS = {"bl", "bc", "br", "tl", "tc", "tr"}


def natural_key(p: Path):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", p.name)]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def anchor(pos: str, w: float, h: float, margin: float, text_w: float, size: float):
    x = {"l": margin, "c": (w - text_w) / 2, "r": w - margin - text_w}[pos[1]]
    y = margin if pos[0] == "b" else h - margin - size
    return x, y


def overlay(w, h, number, legend, args) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h))
    c.setFont("Helvetica", args.font_size)
    for text, pos in ((number, args.position), (legend, args.legend_position)):
        if not text:
            continue
        tw = c.stringWidth(text, "Helvetica", args.font_size)
        x, y = anchor(pos, w, h, args.margin, tw, args.font_size)
        if args.box:
            c.setFillColor(white)
            c.rect(x - 2, y - 2, tw + 4, args.font_size + 4, stroke=0, fill=1)
        c.setFillColor(black)
        c.drawString(x, y, text)
    c.save()
    return buf.getvalue()


def page_box(page, use_mediabox):
    box = page.mediabox if use_mediabox else page.cropbox
    w, h = float(box.width), float(box.height)
    rot = (page.get("/Rotate") or 0) % 360
    return (h, w, rot) if rot in (90, 270) else (w, h, rot)


def load_order(folder: Path, order_file: Path | None) -> list[Path]:
    pdfs = sorted(folder.glob("*.pdf"), key=natural_key)
    if not order_file:
        return pdfs
    listed = [folder / line.strip() for line in order_file.read_text().splitlines() if line.strip()]
    missing = set(pdfs) - set(listed)
    if missing:
        sys.exit(f"files not in order file: {', '.join(sorted(p.name for p in missing))}")
    return listed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--width", type=int, default=7)
    ap.add_argument("--legend", default="")
    ap.add_argument("--position", default="br", choices=sorted(POSITIONS))
    ap.add_argument("--legend-position", default="bl", choices=sorted(POSITIONS))
    ap.add_argument("--font-size", type=float, default=9)
    ap.add_argument("--margin", type=float, default=18)
    ap.add_argument("--box", action="store_true")
    ap.add_argument("--order-file", type=Path)
    ap.add_argument("--password")
    ap.add_argument("--use-mediabox", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    if args.legend and args.position == args.legend_position:
        ap.error("--position and --legend-position must differ")

    files = load_order(args.input, args.order_file)
    if not files:
        sys.exit("no PDFs found")
    args.out.mkdir(parents=True, exist_ok=True)

    n = args.start
    rows = []
    for src in files:
        reader = PdfReader(str(src))
        if reader.is_encrypted:
            if not args.password or not reader.decrypt(args.password):
                sys.exit(f"{src.name}: encrypted; supply --password")
        pages = len(reader.pages)
        first, last = n, n + pages - 1
        fmt = lambda k: f"{args.prefix}{k:0{args.width}d}"
        out_name = f"{fmt(first)}-{fmt(last)}_{src.name}"
        rows.append([src.name, out_name, pages, fmt(first), fmt(last), sha256(src)])
        print(f"{src.name}, {pages}, {fmt(first)}, {fmt(last)}")
        if not args.dry_run:
            writer = PdfWriter()
            for i, page in enumerate(reader.pages):
                w, h, rot = page_box(page, args.use_mediabox)
                stamp = PdfReader(io.BytesIO(overlay(w, h, fmt(n + i), args.legend, args))).pages[0]
                if rot:
                    # rotate the overlay back into the page's unrotated coordinate space
                    op = Transformation().rotate(-rot)
                    op = op.translate(*{90: (0, w), 180: (w, h), 270: (h, 0)}[rot])
                    page.merge_transformed_page(stamp, op)
                else:
                    page.merge_page(stamp)
                writer.add_page(page)
            with (args.out / out_name).open("wb") as fh:
                writer.write(fh)
        n = last + 1

    if not args.dry_run:
        with (args.out / "bates_index.csv").open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["source", "output", "pages", "first", "last", "sha256_source"])
            w.writerows(rows)
    print(f"next start number: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
