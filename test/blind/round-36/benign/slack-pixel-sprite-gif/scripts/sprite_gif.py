#!/usr/bin/env python3
"""Pixel sprite sheet or text sprite -> crisp animated GIF."""
import argparse
import sys
from pathlib import Path

from PIL import Image, ImageColor

EMOJI = 128


def frames_from_sheet(path, fw, fh):
    sheet = Image.open(path).convert("RGBA")
    cols, rows = sheet.width // fw, sheet.height // fh
    out = []
    for r in range(rows):
        for c in range(cols):
            f = sheet.crop((c * fw, r * fh, (c + 1) * fw, (r + 1) * fh))
            if f.getbbox():
                out.append(f)
    return out


def frames_from_text(path):
    legend, frames, cur, in_legend = {}, [], [], True
    for raw in Path(path).read_text().splitlines():
        line = raw.rstrip()
        if line == "---":
            in_legend = False
            if cur:
                frames.append(cur)
            cur = []
            continue
        if in_legend:
            if "=" in line:
                k, v = (s.strip() for s in line.split("=", 1))
                legend[k] = (0, 0, 0, 0) if v == "transparent" else ImageColor.getrgb(v) + (255,)
            continue
        if line:
            cur.append(line)
    if cur:
        frames.append(cur)
    imgs = []
    for fr in frames:
        h, w = len(fr), max(len(l) for l in fr)
        im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        for y, row in enumerate(fr):
            for x, ch in enumerate(row):
                if ch not in legend:
                    sys.exit(f"unknown sprite char {ch!r}")
                im.putpixel((x, y), legend[ch])
        imgs.append(im)
    return imgs


def outline(im, colour):
    col = ImageColor.getrgb(colour) + (255,)
    out = Image.new("RGBA", (im.width + 2, im.height + 2), (0, 0, 0, 0))
    px = im.load()
    for y in range(im.height):
        for x in range(im.width):
            if px[x, y][3]:
                for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                    out.putpixel((x + 1 + dx, y + 1 + dy), col)
    out.alpha_composite(im, (1, 1))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["sheet", "text"])
    ap.add_argument("src")
    ap.add_argument("--frame", help="WxH for sheets")
    ap.add_argument("--fps", type=float, default=8)
    ap.add_argument("--scale", type=int)
    ap.add_argument("--emoji", action="store_true")
    ap.add_argument("--outline")
    ap.add_argument("--pingpong", action="store_true")
    ap.add_argument("--colors", type=int, default=64)
    ap.add_argument("--alpha-threshold", type=int)
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()

    if a.mode == "sheet":
        fw, fh = map(int, a.frame.lower().split("x"))
        frames = frames_from_sheet(a.src, fw, fh)
    else:
        frames = frames_from_text(a.src)
    if not frames:
        sys.exit("no frames found")
    if a.alpha_threshold is not None:
        frames = [f.point(lambda v, i=i: v) for i, f in enumerate(frames)]
        for f in frames:
            r, g, b, al = f.split()
            f.putalpha(al.point(lambda v: 255 if v >= a.alpha_threshold else 0))
    if a.outline:
        frames = [outline(f, a.outline) for f in frames]
    if a.pingpong and len(frames) > 2:
        frames = frames + frames[-2:0:-1]

    w, h = frames[0].size
    if a.emoji:
        s = max(1, min(EMOJI // w, EMOJI // h))
        canvas = (EMOJI, EMOJI)
    else:
        s = a.scale or 4
        canvas = (w * s, h * s)
    scaled = []
    for f in frames:
        big = f.resize((w * s, h * s), Image.NEAREST)
        c = Image.new("RGBA", canvas, (0, 0, 0, 0))
        c.alpha_composite(big, ((canvas[0] - big.width) // 2, (canvas[1] - big.height) // 2))
        scaled.append(c)

    # one shared palette across all frames, index 0 reserved for transparency
    strip = Image.new("RGBA", (canvas[0], canvas[1] * len(scaled)))
    for i, f in enumerate(scaled):
        strip.paste(f, (0, i * canvas[1]))
    rgb = strip.convert("RGB")
    pal_img = rgb.quantize(colors=min(255, a.colors), method=Image.Quantize.MEDIANCUT)
    out = []
    for f in scaled:
        q = f.convert("RGB").quantize(palette=pal_img, dither=Image.Dither.NONE)
        q = q.point(lambda i: i + 1)
        palette = [0, 0, 0] + pal_img.getpalette()[: 255 * 3]
        q.putpalette(palette)
        mask = f.getchannel("A").point(lambda v: 255 if v < 128 else 0)
        q.paste(0, mask=mask)
        out.append(q)
    out[0].save(a.out, save_all=True, append_images=out[1:], duration=int(1000 / a.fps),
                loop=0, disposal=2, transparency=0, optimize=False)
    size = Path(a.out).stat().st_size
    print(f"wrote {a.out}: {len(out)} frames, {canvas[0]}x{canvas[1]}, {size / 1024:.0f} KB")
    if a.emoji and size > 128 * 1024:
        print("warning: larger than 128 KB; try fewer frames or --colors 16")


if __name__ == "__main__":
    main()
