#!/usr/bin/env python3
"""Render a countdown GIF sized for Slack (emoji or message)."""
import argparse
import io
import math
import sys

from PIL import Image, ImageDraw, ImageFont

PRESETS = {"emoji": ((128, 128), 128 * 1024), "message": ((480, 270), 2 * 1024 * 1024)}


def load_font(path, size):
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            print(f"warning: cannot load font {path}; using default", file=sys.stderr)
    return ImageFont.load_default()


def centred(draw, size, text, font, fill, scale=1.0, dy=0):
    w, h = size
    box = draw.textbbox((0, 0), text, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    draw.text(((w - tw) / 2 - box[0], (h - th) / 2 - box[1] + dy), text, font=font, fill=fill)


def render(args, fps):
    (w, h), _ = PRESETS[args.preset]
    base = int(h * 0.6)
    frames, durations = [], []
    hold_ms = 1000
    trans = max(1, int(fps * 0.3))
    for n in range(args.start, 0, -1):
        for i in range(trans + 1):
            t = i / trans
            im = Image.new("RGB", (w, h), args.bg)
            d = ImageDraw.Draw(im)
            if args.style == "pop":
                font = load_font(args.font, max(8, int(base * (0.4 + 0.6 * t))))
                centred(d, (w, h), str(n), font, args.fg)
            elif args.style == "flip":
                font = load_font(args.font, base)
                centred(d, (w, h), str(n), font, args.fg, dy=int((1 - t) * -h * 0.5))
            else:  # ring
                font = load_font(args.font, base)
                centred(d, (w, h), str(n), font, args.fg)
                r = min(w, h) * 0.45
                frac = (n - t) / args.start
                d.arc([w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r], -90,
                      -90 + 360 * frac, fill=args.accent, width=max(2, int(r * 0.08)))
            frames.append(im)
            durations.append(hold_ms if i == trans else int(1000 / fps))
    im = Image.new("RGB", (w, h), args.accent)
    d = ImageDraw.Draw(im)
    font = load_font(args.font, int(h * 0.28))
    centred(d, (w, h), args.final, font, args.bg)
    frames.append(im)
    durations.append(args.final_hold)
    return frames, durations


def encode(frames, durations, colours, loop):
    pal = [f.quantize(colors=colours, method=Image.Quantize.MEDIANCUT) for f in frames]
    buf = io.BytesIO()
    pal[0].save(buf, format="GIF", save_all=True, append_images=pal[1:],
                duration=durations, loop=0 if loop == 0 else 1, optimize=True,
                disposal=2)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", type=int, default=3)
    ap.add_argument("--final", default="Go!")
    ap.add_argument("--preset", choices=PRESETS, default="message")
    ap.add_argument("--style", choices=["ring", "pop", "flip"], default="ring")
    ap.add_argument("--bg", default="#111827")
    ap.add_argument("--fg", default="#F9FAFB")
    ap.add_argument("--accent", default="#F59E0B")
    ap.add_argument("--font")
    ap.add_argument("--fps", type=int, default=12)
    ap.add_argument("--loop", type=int, choices=[0, 1])
    ap.add_argument("--final-hold", type=int, default=2000)
    ap.add_argument("--out", default="countdown.gif")
    args = ap.parse_args()
    loop = args.loop if args.loop is not None else (0 if args.preset == "emoji" else 1)
    _, budget = PRESETS[args.preset]

    fps = args.fps
    for colours in (128, 64, 32):
        frames, durs = render(args, fps)
        data = encode(frames, durs, colours, loop)
        if len(data) <= budget:
            break
    else:
        fps = 6 if args.preset == "emoji" else max(6, fps // 2)
        frames, durs = render(args, fps)
        data = encode(frames, durs, 32, loop)

    with open(args.out, "wb") as fh:
        fh.write(data)
    kb = len(data) / 1024
    status = "OK" if len(data) <= budget else "OVER BUDGET"
    print(f"{args.out}: {len(frames)} frames, {kb:.0f} KB ({status}, budget {budget // 1024} KB)")


if __name__ == "__main__":
    main()
