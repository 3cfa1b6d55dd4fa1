#!/usr/bin/env python3
"""Tile slide PNGs into labelled contact sheets."""
import argparse
import math
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PAD = 16
LABEL_H = 44


def slide_titles(deck):
    from pptx import Presentation

    prs = Presentation(deck)
    titles = []
    for slide in prs.slides:
        hidden = slide._element.get("show") == "0"
        title = None
        if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
            title = slide.shapes.title.text_frame.text.strip() or None
        if title is None:
            for shp in slide.shapes:
                if shp.has_text_frame and shp.text_frame.text.strip():
                    title = "~" + shp.text_frame.text.strip().splitlines()[0]
                    break
        titles.append(((title or "(no text)")[:48], hidden))
    return titles


def natural_key(p):
    return int(re.findall(r"(\d+)", p.stem)[-1])


def font(size):
    for name in ("DejaVuSans.ttf", "Arial.ttf", "Helvetica.ttc"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("images")
    ap.add_argument("--out", default="contact-sheet.png")
    ap.add_argument("--deck")
    ap.add_argument("--cols", type=int, default=4)
    ap.add_argument("--per-sheet", type=int, default=24)
    ap.add_argument("--thumb-width", type=int, default=480)
    ap.add_argument("--highlight", default="")
    a = ap.parse_args()

    files = sorted(Path(a.images).glob("slide-*.png"), key=natural_key)
    if not files:
        raise SystemExit("no slide-*.png files found")
    titles = slide_titles(a.deck) if a.deck else [(None, False)] * len(files)
    marks = {int(x) for x in a.highlight.split(",") if x.strip()}

    first = Image.open(files[0])
    tw = a.thumb_width
    th = round(first.height * tw / first.width)
    f = font(18)

    out = Path(a.out)
    for sheet_no, start in enumerate(range(0, len(files), a.per_sheet), 1):
        chunk = files[start:start + a.per_sheet]
        rows = math.ceil(len(chunk) / a.cols)
        W = a.cols * (tw + PAD) + PAD
        H = rows * (th + LABEL_H + PAD) + PAD
        sheet = Image.new("RGB", (W, H), "white")
        draw = ImageDraw.Draw(sheet)
        for i, path in enumerate(chunk):
            n = start + i + 1
            x = PAD + (i % a.cols) * (tw + PAD)
            y = PAD + (i // a.cols) * (th + LABEL_H + PAD)
            thumb = Image.open(path).convert("RGB").resize((tw, th))
            sheet.paste(thumb, (x, y))
            draw.rectangle([x - 1, y - 1, x + tw, y + th], outline="#999999")
            if n in marks:
                draw.rectangle([x - 5, y - 5, x + tw + 4, y + th + 4], outline="#d62728", width=5)
            title, hidden = titles[n - 1] if n - 1 < len(titles) else (None, False)
            label = f"{n}" + (f"  {title}" if title else "") + ("  (hidden)" if hidden else "")
            draw.text((x, y + th + 8), label, fill="#222222", font=f)
        target = out if sheet_no == 1 else out.with_name(f"{out.stem}-{sheet_no}{out.suffix}")
        sheet.save(target)
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
