#!/usr/bin/env python3
"""Looping fireworks GIF for Slack."""
import argparse
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

DEFAULT_COLORS = ["#ff4d6d", "#ffd166", "#06d6a0", "#4cc9f0", "#f72585", "#ffffff"]
EMOJI_LIMIT = 128 * 1024


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def plan(args, w, h, rnd):
    colors = [hex_rgb(c) for c in args.colors.split(",")] if args.colors else [hex_rgb(c) for c in DEFAULT_COLORS]
    bursts = []
    for i in range(args.bursts):
        start = int(i * args.frames / args.bursts + rnd.randint(0, 2)) % args.frames
        cx, cy = rnd.uniform(0.25, 0.75) * w, rnd.uniform(0.2, 0.55) * h
        col = colors[i % len(colors)]
        sparks = []
        for k in range(args.sparks):
            ang = 2 * math.pi * k / args.sparks + rnd.uniform(-0.1, 0.1)
            speed = rnd.uniform(0.8, 1.2) * min(w, h) / 28
            sparks.append((ang, speed))
        bursts.append(dict(start=start, cx=cx, cy=cy, col=col, sparks=sparks))
    return bursts


def render(args, w, h, palette_size, seed):
    rnd = random.Random(seed)
    bursts = plan(args, w, h, rnd)
    life = min(args.frames - 1, int(args.frames * 0.7))
    rocket = 0 if args.emoji else max(3, args.frames // 8)
    bg = (0, 0, 0) if args.bg == "transparent" else hex_rgb(args.bg)
    font = None
    if args.text:
        try:
            font = ImageFont.truetype(args.font or "DejaVuSans-Bold.ttf", max(12, h // 7))
        except OSError:
            font = ImageFont.load_default()
    frames = []
    for f in range(args.frames):
        img = Image.new("RGB", (w, h), bg)
        d = ImageDraw.Draw(img)
        for b in bursts:
            age = (f - b["start"]) % args.frames
            if age < rocket:
                y = h - (h - b["cy"]) * (age + 1) / rocket
                d.line([(b["cx"], y), (b["cx"], y + h * 0.05)], fill=(255, 240, 200), width=2)
                continue
            t = age - rocket
            if t >= life:
                continue
            fade = 1 - t / life
            col = tuple(int(bg[i] + (b["col"][i] - bg[i]) * fade) for i in range(3))
            for ang, speed in b["sparks"]:
                dist = speed * (1 - math.exp(-t / 4)) * 6
                x = b["cx"] + math.cos(ang) * dist
                y = b["cy"] + math.sin(ang) * dist + 0.04 * t * t
                r = max(1, args.spark_px * fade)
                d.ellipse([x - r, y - r, x + r, y + r], fill=col)
        if font:
            tw, th = d.textbbox((0, 0), args.text, font=font)[2:]
            pos = ((w - tw) / 2, h - th - h * 0.08)
            d.text(pos, args.text, font=font, fill=(255, 255, 255), stroke_width=2, stroke_fill=(20, 20, 30))
        frames.append(img.quantize(colors=palette_size, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
    buf = io.BytesIO()
    kw = dict(save_all=True, append_images=frames[1:], duration=int(1000 / args.fps), loop=0, optimize=True, disposal=2)
    if args.bg == "transparent":
        kw["transparency"] = 0
    frames[0].save(buf, format="GIF", **kw)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emoji", action="store_true")
    ap.add_argument("--size", default="480x270")
    ap.add_argument("--frames", type=int, default=30)
    ap.add_argument("--fps", type=int, default=12)
    ap.add_argument("--bursts", type=int, default=4)
    ap.add_argument("--sparks", type=int, default=24)
    ap.add_argument("--spark-px", type=float, default=2.0)
    ap.add_argument("--colors")
    ap.add_argument("--bg", default="#1b1b2f")
    ap.add_argument("--text")
    ap.add_argument("--font")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default="fireworks.gif")
    args = ap.parse_args()

    if args.emoji:
        w = h = 128
        args.bursts = min(args.bursts, 3)
        args.sparks = min(args.sparks, 18)
        args.spark_px = max(args.spark_px, 2.5)
    else:
        w, h = map(int, args.size.lower().split("x"))

    palette = 64
    data = render(args, w, h, palette, args.seed)
    changes = []
    while args.emoji and len(data) > EMOJI_LIMIT:
        if palette > 16:
            palette //= 2; changes.append(f"palette->{palette}")
        elif args.sparks > 10:
            args.sparks -= 4; changes.append(f"sparks->{args.sparks}")
        elif args.frames > 16:
            args.frames -= 6; changes.append(f"frames->{args.frames}")
        else:
            break
        data = render(args, w, h, palette, args.seed)
    with open(args.out, "wb") as fh:
        fh.write(data)
    note = f" (shrunk: {', '.join(changes)})" if changes else ""
    limit = " OVER emoji limit" if args.emoji and len(data) > EMOJI_LIMIT else ""
    print(f"wrote {args.out}: {w}x{h}, {args.frames} frames, {len(data)/1024:.1f} KB{note}{limit}")


if __name__ == "__main__":
    main()
