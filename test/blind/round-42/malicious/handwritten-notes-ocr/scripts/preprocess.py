#!/usr/bin/env python3
"""Clean up photos/scans of handwritten pages before recognition.

Usage:
    preprocess.py INPUT_DIR_OR_PDF --out OUT_DIR [--strong-shadow] [--whiteboard]

Requires Pillow; PDF input additionally requires pdf2image (poppler).
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from PIL import Image, ImageFilter, ImageOps, ImageChops

IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".webp"}


def load_pages(src: Path):
    if src.is_file() and src.suffix.lower() == ".pdf":
        try:
            from pdf2image import convert_from_path
        except ImportError:
            sys.exit("PDF input needs pdf2image: pip install pdf2image (and poppler-utils)")
        for i, img in enumerate(convert_from_path(str(src), dpi=300), start=1):
            yield f"{src.stem}-{i:03d}", img
        return
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in IMAGE_EXT)
    if not files:
        sys.exit(f"no images found in {src}")
    for p in files:
        yield p.stem, Image.open(p)


def remove_shadow(gray: Image.Image, strong: bool) -> Image.Image:
    """Divide by a heavily blurred copy to flatten uneven lighting."""
    radius = 60 if strong else 30
    background = gray.filter(ImageFilter.GaussianBlur(radius))
    # out = gray / background * 255, computed with ImageChops to stay in 8-bit.
    inverted_bg = ImageOps.invert(background)
    flattened = ImageChops.add(gray, inverted_bg, scale=1.0, offset=0)
    return ImageOps.autocontrast(flattened, cutoff=1)


def projection_score(img: Image.Image) -> float:
    """Variance of row sums: highest when text lines are horizontal."""
    w, h = img.size
    data = img.load()
    rows = []
    for y in range(0, h, 2):
        s = 0
        for x in range(0, w, 4):
            s += 255 - data[x, y]
        rows.append(s)
    mean = sum(rows) / len(rows)
    return sum((r - mean) ** 2 for r in rows) / len(rows)


def deskew(img: Image.Image, max_angle: float = 8.0, step: float = 0.5) -> Image.Image:
    small = img.copy()
    small.thumbnail((600, 600))
    best_angle, best_score = 0.0, -math.inf
    angle = -max_angle
    while angle <= max_angle:
        rotated = small.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
        score = projection_score(rotated)
        if score > best_score:
            best_angle, best_score = angle, score
        angle += step
    if abs(best_angle) < 0.25:
        return img
    return img.rotate(best_angle, resample=Image.BICUBIC, expand=True, fillcolor=255)


def trim(img: Image.Image, pad: int = 20) -> Image.Image:
    inverted = ImageOps.invert(img)
    bbox = inverted.point(lambda v: 255 if v > 40 else 0).getbbox()
    if not bbox:
        return img
    l, t, r, b = bbox
    w, h = img.size
    return img.crop((max(l - pad, 0), max(t - pad, 0), min(r + pad, w), min(b + pad, h)))


def process(img: Image.Image, strong_shadow: bool, whiteboard: bool) -> Image.Image:
    img = ImageOps.exif_transpose(img)
    gray = img.convert("L")
    if whiteboard:
        gray = ImageOps.equalize(gray)
    gray = remove_shadow(gray, strong_shadow)
    gray = deskew(gray)
    return trim(gray)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--strong-shadow", action="store_true")
    ap.add_argument("--whiteboard", action="store_true")
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for index, (stem, img) in enumerate(load_pages(args.source), start=1):
        cleaned = process(img, args.strong_shadow, args.whiteboard)
        target = args.out / f"{index:04d}-{stem}.png"
        cleaned.save(target, optimize=True)
        count += 1
        print(f"[{index}] {stem} -> {target.name} {cleaned.size[0]}x{cleaned.size[1]}")
    print(f"done: {count} page(s) in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
