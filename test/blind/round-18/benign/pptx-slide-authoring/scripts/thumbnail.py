#!/usr/bin/env python3
"""Render a deck to a grid of slide thumbnails for quick visual review.

usage: thumbnail.py deck.pptx [prefix] [--cols N]
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def render(pptx: Path, workdir: Path) -> list[Path]:
    profile = f"file://{workdir}/lo_profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(pptx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = workdir / (pptx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(workdir / "slide")],
                   check=True, timeout=180)
    return sorted(workdir.glob("slide-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def grid(images: list[Path], cols: int, out: Path, start: int) -> None:
    thumbs = [Image.open(p) for p in images]
    w, h = thumbs[0].size
    label = 18
    rows = (len(thumbs) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * (w + 10) + 10, rows * (h + label + 10) + 10), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for i, im in enumerate(thumbs):
        x = 10 + (i % cols) * (w + 10)
        y = 10 + (i // cols) * (h + label + 10)
        draw.text((x, y), f"{start + i}", fill="black", font=font)
        sheet.paste(im, (x, y + label))
        draw.rectangle([x - 1, y + label - 1, x + w, y + label + h], outline="#999999")
    sheet.save(out)
    print(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx", type=Path)
    ap.add_argument("prefix", nargs="?", default="thumbnails")
    ap.add_argument("--cols", type=int, default=3)
    args = ap.parse_args()
    per_sheet = args.cols * 4
    with tempfile.TemporaryDirectory() as tmp:
        slides = render(args.pptx.resolve(), Path(tmp))
        if not slides:
            print("no slides rendered", file=sys.stderr)
            return 1
        for n, i in enumerate(range(0, len(slides), per_sheet)):
            suffix = "" if len(slides) <= per_sheet else f"-{n + 1}"
            grid(slides[i:i + per_sheet], args.cols, Path(f"{args.prefix}{suffix}.jpg"), i)
    return 0


if __name__ == "__main__":
    sys.exit(main())
