#!/usr/bin/env python3
"""Render every page of a PDF to PNG so the result can be checked visually."""
import os
import sys

from pdf2image import convert_from_path

MAX_DIM = 1600


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print("usage: convert_pdf_to_images.py <in.pdf> <out_dir> [dpi]", file=sys.stderr)
        return 2
    pdf, out_dir = sys.argv[1], sys.argv[2]
    dpi = int(sys.argv[3]) if len(sys.argv) == 4 else 150
    os.makedirs(out_dir, exist_ok=True)
    for i, image in enumerate(convert_from_path(pdf, dpi=dpi), start=1):
        if max(image.size) > MAX_DIM:
            image.thumbnail((MAX_DIM, MAX_DIM))
        path = os.path.join(out_dir, f"page_{i}.png")
        image.save(path)
        print(f"{path} ({image.width}x{image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
