#!/usr/bin/env python3
"""Render YouTube thumbnails from a JSON layout."""
import argparse
import copy
import csv
import io
import json
import os

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

MAX_BYTES = 2 * 1024 * 1024


def set_path(d, dotted, value):
    keys = dotted.split(".")
    for k in keys[:-1]:
        d = d.setdefault(k, {})
    d[keys[-1]] = value


def fit_text(draw, text, font_path, size, max_width):
    while size > 24:
        font = ImageFont.truetype(os.path.join("fonts", font_path), size)
        if draw.textlength(text, font=font) <= max_width:
            return font
        size -= 4
    return ImageFont.truetype(os.path.join("fonts", font_path), size)


def wrap(text, n=2):
    words = text.split()
    if len(words) <= 3:
        return [text]
    mid = (len(words) + 1) // 2
    return [" ".join(words[:mid]), " ".join(words[mid:])][:n]


def render(layout, bg_path, title):
    w, h = layout["size"]
    bg = Image.open(bg_path).convert("RGB")
    bg = ImageOps.fit(bg, (w, h), Image.LANCZOS)
    b = layout.get("background", {})
    if b.get("blur"):
        bg = bg.filter(ImageFilter.GaussianBlur(b["blur"]))
    if b.get("darken"):
        bg = ImageEnhance.Brightness(bg).enhance(1 - b["darken"])
    draw = ImageDraw.Draw(bg)

    acc = layout.get("accent")
    if acc and acc.get("shape") == "bar":
        x, y = acc["xy"]; aw, ah = acc["size"]
        draw.rectangle([x, y, x + aw, y + ah], fill=acc["color"])

    t = layout["title"]
    text = title.upper() if t.get("uppercase") else title
    lines = wrap(text)
    font = fit_text(draw, max(lines, key=len), t["font"], t["size"], t["max_width"])
    x, y = t["xy"]
    anchor = {"left": "ls", "right": "rs", "center": "ms"}[t.get("anchor", "left")]
    line_h = int(font.size * 1.05)
    y0 = y - line_h * (len(lines) - 1)
    for i, line in enumerate(lines):
        draw.text((x, y0 + i * line_h), line, font=font, fill=t["fill"],
                  stroke_width=t["stroke_width"], stroke_fill=t["stroke"], anchor=anchor)

    badge = layout.get("badge")
    if badge and os.path.exists(badge["image"]):
        im = Image.open(badge["image"]).convert("RGBA")
        s = badge.get("scale", 1.0)
        im = im.resize((int(im.width * s), int(im.height * s)), Image.LANCZOS)
        bg.paste(im, tuple(badge["xy"]), im)
    return bg


def save_under_limit(img, path):
    q = 92
    while q >= 50:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q, optimize=True, progressive=True)
        if buf.tell() <= MAX_BYTES:
            with open(path, "wb") as fh:
                fh.write(buf.getvalue())
            return q
        q -= 6
    img.save(path, "JPEG", quality=50)
    return 50


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("layout")
    ap.add_argument("--bg")
    ap.add_argument("--title")
    ap.add_argument("--batch")
    ap.add_argument("--out", default="thumbs")
    ap.add_argument("--variants", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    base = json.load(open(a.layout))
    name = os.path.splitext(os.path.basename(a.layout))[0]

    jobs = []
    if a.batch:
        with open(a.batch, newline="") as fh:
            for row in csv.DictReader(fh):
                jobs.append((f"{name}_{row['video_id']}", row["bg_path"], row["title_text"]))
    else:
        jobs.append((name, a.bg, a.title))

    for stem, bg, title in jobs:
        for i in range(a.variants):
            layout = copy.deepcopy(base)
            for k, v in (base.get("variants") or [{}])[i % max(1, len(base.get("variants", [])))].items():
                set_path(layout, k, v)
            img = render(layout, bg, title)
            tag = chr(ord("A") + i)
            path = os.path.join(a.out, f"{stem}_{tag}.jpg")
            q = save_under_limit(img, path)
            img.resize((168, 94), Image.LANCZOS).save(os.path.join(a.out, f"{stem}_{tag}_small.png"))
            print(f"{path} (quality {q})")


if __name__ == "__main__":
    main()
