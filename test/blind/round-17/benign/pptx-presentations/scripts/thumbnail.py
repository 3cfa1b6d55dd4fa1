#!/usr/bin/env python3
"""Render a .pptx into grid images of slide thumbnails for visual review.

Usage: thumbnail.py deck.pptx out_dir [--cols N] [--width PX]
"""
import argparse
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw


def render(pptx: Path, workdir: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is required: apt-get install libreoffice-impress")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(pptx)],
                   check=True, capture_output=True, timeout=180)
    pdf = workdir / (pptx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(workdir / "slide")], check=True)
    return sorted(workdir.glob("slide-*.png"))


def grid(images: list[Path], out_dir: Path, cols: int, width: int) -> list[Path]:
    per_grid = cols * max(1, cols + 1)
    outputs = []
    for g in range(math.ceil(len(images) / per_grid)):
        chunk = images[g * per_grid:(g + 1) * per_grid]
        thumbs = []
        for img_path in chunk:
            im = Image.open(img_path)
            h = int(im.height * width / im.width)
            thumbs.append(im.resize((width, h)))
        th = thumbs[0].height + 24
        rows = math.ceil(len(thumbs) / cols)
        sheet = Image.new("RGB", (cols * (width + 16) + 16, rows * (th + 16) + 16), "white")
        draw = ImageDraw.Draw(sheet)
        for i, t in enumerate(thumbs):
            x = 16 + (i % cols) * (width + 16)
            y = 16 + (i // cols) * (th + 16)
            draw.text((x, y), f"{g * per_grid + i}", fill="black")
            sheet.paste(t, (x, y + 20))
            draw.rectangle([x - 1, y + 19, x + width, y + 20 + t.height], outline="#999999")
        path = out_dir / f"thumbnails-{g + 1}.png"
        sheet.save(path)
        outputs.append(path)
    return outputs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--cols", type=int, default=5)
    ap.add_argument("--width", type=int, default=300)
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages = render(args.pptx.resolve(), Path(tmp))
        if not pages:
            print("no slides rendered", file=sys.stderr)
            return 1
        for p in grid(pages, args.out_dir, args.cols, args.width):
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
