#!/usr/bin/env python3
"""Render a .pptx to a grid of slide thumbnails.

Usage: thumbnail.py <deck.pptx> <output-prefix> [--cols N] [--width PX]

Produces <output-prefix>-1.jpg (and -2.jpg, … for large decks). Requires LibreOffice and pdftoppm.
"""
import argparse
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MAX_PER_GRID = 20


def render_slides(deck: Path, workdir: Path) -> list[Path]:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(deck)],
        check=True, capture_output=True,
    )
    pdf = workdir / (deck.stem + ".pdf")
    subprocess.run(["pdftoppm", "-jpeg", "-r", "60", str(pdf), str(workdir / "slide")], check=True)
    return sorted(workdir.glob("slide-*.jpg"))


def build_grid(images: list[Path], cols: int, width: int, start_index: int) -> Image.Image:
    thumbs = []
    for p in images:
        im = Image.open(p)
        ratio = width / im.width
        thumbs.append(im.resize((width, int(im.height * ratio))))
    h = thumbs[0].height
    label_h = 22
    rows = (len(thumbs) + cols - 1) // cols
    grid = Image.new("RGB", (cols * (width + 10) + 10, rows * (h + label_h + 10) + 10), "white")
    draw = ImageDraw.Draw(grid)
    font = ImageFont.load_default()
    for i, t in enumerate(thumbs):
        r, c = divmod(i, cols)
        x = 10 + c * (width + 10)
        y = 10 + r * (h + label_h + 10)
        draw.text((x, y), f"slide {start_index + i}", fill="black", font=font)
        grid.paste(t, (x, y + label_h))
        draw.rectangle([x - 1, y + label_h - 1, x + width, y + label_h + h], outline="#999999")
    return grid


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("deck", type=Path)
    ap.add_argument("prefix")
    ap.add_argument("--cols", type=int, default=4)
    ap.add_argument("--width", type=int, default=300)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        slides = render_slides(args.deck, Path(tmp))
        for n, start in enumerate(range(0, len(slides), MAX_PER_GRID), 1):
            chunk = slides[start:start + MAX_PER_GRID]
            out = f"{args.prefix}-{n}.jpg"
            build_grid(chunk, args.cols, args.width, start + 1).save(out, quality=85)
            print(out)


if __name__ == "__main__":
    main()
