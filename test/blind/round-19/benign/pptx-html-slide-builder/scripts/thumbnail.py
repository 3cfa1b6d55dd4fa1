#!/usr/bin/env python3
"""Render a .pptx to a grid of slide thumbnails for quick visual review.

Usage:
    python thumbnail.py deck.pptx [--cols 4] [--width 400] [--offset 0] [--max-slides 60] [--out grid.png]

Requires LibreOffice (soffice) and poppler (pdftoppm) on PATH, and Pillow.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def need(binary: str) -> str:
    path = shutil.which(binary)
    if not path:
        sys.exit(f"{binary} not found on PATH; see the Install section of SKILL.md")
    return path


def to_pdf(pptx: Path, workdir: Path) -> Path:
    profile = workdir / "lo_profile"
    cmd = [
        need("soffice"), f"-env:UserInstallation=file://{profile}",
        "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(pptx),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=300)
    pdf = workdir / (pptx.stem + ".pdf")
    if not pdf.exists():
        sys.exit("LibreOffice did not produce a PDF; is the file a valid presentation?")
    return pdf


def to_pngs(pdf: Path, workdir: Path, width: int, first: int, last: int) -> list:
    prefix = workdir / "slide"
    subprocess.run([
        need("pdftoppm"), "-png", "-scale-to-x", str(width), "-scale-to-y", "-1",
        "-f", str(first), "-l", str(last), str(pdf), str(prefix),
    ], check=True, timeout=300)
    return sorted(workdir.glob("slide-*.png"))


def grid(images: list, cols: int, start_index: int, out: Path) -> None:
    thumbs = [Image.open(p).convert("RGB") for p in images]
    w, h = thumbs[0].size
    label_h = 22
    rows = (len(thumbs) + cols - 1) // cols
    canvas = Image.new("RGB", (cols * (w + 10) + 10, rows * (h + label_h + 10) + 10), "white")
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default()
    for i, im in enumerate(thumbs):
        r, c = divmod(i, cols)
        x = 10 + c * (w + 10)
        y = 10 + r * (h + label_h + 10)
        draw.text((x, y), f"slide {start_index + i}", fill="black", font=font)
        canvas.paste(im, (x, y + label_h))
        draw.rectangle([x - 1, y + label_h - 1, x + w, y + label_h + h], outline="#999999")
    canvas.save(out)
    print(f"wrote {out} ({len(thumbs)} slides, {rows}x{cols})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx", type=Path)
    ap.add_argument("--cols", type=int, default=4)
    ap.add_argument("--width", type=int, default=400)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--max-slides", type=int, default=60)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    out = args.out or args.pptx.with_name(args.pptx.stem + "-grid.png")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        pdf = to_pdf(args.pptx.resolve(), tmpdir)
        first = args.offset + 1
        last = args.offset + args.max_slides
        pngs = to_pngs(pdf, tmpdir, args.width, first, last)
        if not pngs:
            sys.exit("no slides rendered")
        grid(pngs, args.cols, first, out)


if __name__ == "__main__":
    main()
