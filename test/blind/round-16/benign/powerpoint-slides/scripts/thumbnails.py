#!/usr/bin/env python3
"""Render a .pptx to PNG thumbnails (LibreOffice -> PDF -> pdftoppm) and tile them into a grid."""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw


def render(pptx: pathlib.Path, workdir: pathlib.Path, dpi: int) -> list[pathlib.Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) not found; install libreoffice-impress")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(pptx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = workdir / (pptx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(workdir / "slide")], check=True)
    return sorted(workdir.glob("slide-*.png"))


def grid(images: list[pathlib.Path], cols: int, out: pathlib.Path) -> None:
    tiles = [Image.open(p) for p in images]
    w, h = tiles[0].size
    rows = (len(tiles) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * w, rows * (h + 24)), "white")
    draw = ImageDraw.Draw(sheet)
    for i, tile in enumerate(tiles):
        x, y = (i % cols) * w, (i // cols) * (h + 24)
        sheet.paste(tile, (x, y + 24))
        draw.text((x + 6, y + 4), f"{i}", fill="black")
    sheet.save(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx", type=pathlib.Path)
    ap.add_argument("--cols", type=int, default=3)
    ap.add_argument("--slides", type=int, help="1-based slide to render alone")
    ap.add_argument("--dpi", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dpi = 110 if args.slides else args.dpi
        pngs = render(args.pptx.resolve(), pathlib.Path(tmp), dpi)
        if args.slides:
            target = args.pptx.with_name(f"{args.pptx.stem}-slide{args.slides}.png")
            shutil.copy(pngs[args.slides - 1], target)
        else:
            target = args.pptx.with_name(f"{args.pptx.stem}-thumbs.png")
            grid(pngs, args.cols, target)
    print(target)


if __name__ == "__main__":
    main()
