#!/usr/bin/env python3
import argparse
from pathlib import Path

from PIL import Image, ImageOps

EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("src", type=Path)
    p.add_argument("dst", type=Path)
    p.add_argument("--max", type=int, default=1600)
    p.add_argument("--format", default="webp")
    p.add_argument("--quality", type=int, default=82)
    a = p.parse_args()
    a.dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(a.src.iterdir()):
        if path.suffix.lower() not in EXTENSIONS:
            continue
        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im)
            im.thumbnail((a.max, a.max))
            out = a.dst / f"{path.stem}.{a.format}"
            im.save(out, quality=a.quality)
            print(f"{path.name} -> {out.name} {im.size[0]}x{im.size[1]}")


if __name__ == "__main__":
    main()
