#!/usr/bin/env python3
"""Render a typewriter-style animated GIF sized for Slack emoji or messages."""
from __future__ import annotations

import argparse
import io
import os
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "/System/Library/Fonts/Helvetica.ttc",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
    "C:/Windows/Fonts/segoeuib.ttf",
]
EMOJI_LIMIT = 128 * 1024


def find_font(path: str | None) -> str | None:
    if path:
        return os.path.expanduser(path)
    for c in FONT_CANDIDATES:
        if os.path.exists(c):
            return c
    return None


def fit_font(font_path, text, w, h, pad):
    size = h
    while size > 6:
        font = ImageFont.truetype(font_path, size) if font_path else ImageFont.load_default()
        d = ImageDraw.Draw(Image.new("RGB", (w, h)))
        box = d.multiline_textbbox((0, 0), text + "█", font=font, spacing=size // 6)
        if box[2] - box[0] <= w - 2 * pad and box[3] - box[1] <= h - 2 * pad:
            return font, box
        if not font_path:
            return font, box
        size -= 2
    return font, box


def render(text_so_far, full_text, font, box, args, cursor_on):
    mode = "RGBA" if args.transparent else "RGB"
    bg = (0, 0, 0, 0) if args.transparent else args.bg
    im = Image.new(mode, (args.width, args.height), bg)
    d = ImageDraw.Draw(im)
    tw, th = box[2] - box[0], box[3] - box[1]
    x = (args.width - tw) // 2 - box[0]
    y = (args.height - th) // 2 - box[1]
    spacing = max(2, font.size // 6) if hasattr(font, "size") else 4
    kw = dict(font=font, fill=args.fg, spacing=spacing)
    if args.outline:
        kw.update(stroke_width=args.outline, stroke_fill=args.outline_color)
    d.multiline_text((x, y), text_so_far, **kw)
    if cursor_on and args.cursor != "none":
        lines = text_so_far.split("\n")
        last = lines[-1]
        lb = d.textbbox((0, 0), last or " ", font=font)
        lh = d.textbbox((0, 0), "Ag", font=font)
        cx = x + (d.textlength(last, font=font) if last else 0) + 2
        cy = y + (len(lines) - 1) * (lh[3] - lh[1] + spacing)
        ch = lh[3] - lh[1]
        if args.cursor == "block":
            d.rectangle([cx, cy + lh[1], cx + ch * 0.55, cy + lh[3]], fill=args.fg)
        elif args.cursor == "bar":
            d.rectangle([cx, cy + lh[1], cx + max(2, ch // 10), cy + lh[3]], fill=args.fg)
        else:
            d.rectangle([cx, cy + lh[3] - max(2, ch // 10), cx + ch * 0.55, cy + lh[3]], fill=args.fg)
    return im


def build_frames(args, font, box):
    text = args.text.replace("\\n", "\n")
    rng = random.Random(args.seed)
    base = 1000 / args.cps
    frames = []
    for i in range(len(text) + 1):
        dur = base * (1 + rng.uniform(-args.jitter, args.jitter)) if args.jitter else base
        frames.append((render(text[:i], text, font, box, args, True), max(20, int(dur))))
    blink = 500
    for k in range(max(1, int(args.hold * 1000 / blink))):
        frames.append((render(text, text, font, box, args, k % 2 == 0), blink))
    if args.erase:
        for i in range(len(text) - 1, -1, -1):
            frames.append((render(text[:i], text, font, box, args, True), max(20, int(base / 2))))
        frames.append((render("", text, font, box, args, False), 400))
    return frames


def dedupe(frames):
    out = []
    for im, dur in frames:
        if out and im.tobytes() == out[-1][0].tobytes():
            out[-1] = (out[-1][0], out[-1][1] + dur)
        else:
            out.append((im, dur))
    return out


def encode(frames, colors, args) -> bytes:
    first = frames[0][0].convert("RGB") if not args.transparent else frames[0][0]
    pal_src = first.quantize(colors=colors, method=Image.Quantize.FASTOCTREE)
    qframes = []
    for im, _ in frames:
        if args.transparent:
            alpha = im.getchannel("A")
            q = im.convert("RGB").quantize(palette=pal_src, dither=Image.Dither.NONE)
            q.paste(colors - 1, mask=Image.eval(alpha, lambda a: 255 if a < 128 else 0))
            qframes.append(q)
        else:
            qframes.append(im.convert("RGB").quantize(palette=pal_src, dither=Image.Dither.NONE))
    buf = io.BytesIO()
    extra = {"transparency": colors - 1, "disposal": 2} if args.transparent else {}
    qframes[0].save(buf, format="GIF", save_all=True, append_images=qframes[1:],
                    duration=[d for _, d in frames], loop=args.loop, optimize=True, **extra)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("-o", "--output", type=Path, default=Path("typewriter.gif"))
    ap.add_argument("--emoji", action="store_true")
    ap.add_argument("--width", type=int, default=480)
    ap.add_argument("--height", type=int, default=160)
    ap.add_argument("--font")
    ap.add_argument("--bg", default="#ffffff")
    ap.add_argument("--fg", default="#1d1c1d")
    ap.add_argument("--cps", type=float, default=12)
    ap.add_argument("--hold", type=float, default=1.2)
    ap.add_argument("--cursor", choices=["block", "bar", "underscore", "none"], default="block")
    ap.add_argument("--jitter", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--erase", action="store_true")
    ap.add_argument("--loop", type=int, default=0)
    ap.add_argument("--transparent", action="store_true")
    ap.add_argument("--outline", type=int, default=0)
    ap.add_argument("--outline-color", default="#000000")
    ap.add_argument("--colors", type=int, default=32)
    ap.add_argument("--preview", action="store_true")
    args = ap.parse_args()

    if args.emoji:
        args.width = args.height = 128
    pad = 6 if args.emoji else 14
    font, box = fit_font(find_font(args.font), args.text.replace("\\n", "\n"), args.width, args.height, pad)
    if args.emoji and getattr(font, "size", 99) < 14:
        print("warning: text needed a font below 14px to fit; consider shorter text", file=sys.stderr)

    frames = dedupe(build_frames(args, font, box))
    colors = args.colors
    data = encode(frames, colors, args)
    notes = []
    while args.emoji and len(data) > EMOJI_LIMIT and colors > 8:
        colors //= 2
        notes.append(f"reduced palette to {colors} colours")
        data = encode(frames, colors, args)
    if args.emoji and len(data) > EMOJI_LIMIT:
        typing = [f for i, f in enumerate(frames) if i % 2 == 0 or i >= len(frames) - 4]
        notes.append("dropped every other typing frame")
        data = encode(typing, colors, args)

    args.output.write_bytes(data)
    if args.preview:
        frames[0][0].save(args.output.with_suffix(".first.png"))
        frames[-1][0].save(args.output.with_suffix(".last.png"))
    status = "OK" if not args.emoji or len(data) <= EMOJI_LIMIT else "STILL OVER 128 KB"
    print(f"{args.output}: {args.width}x{args.height}, {len(frames)} frames, {len(data) / 1024:.1f} KB {status}")
    for n in notes:
        print("  " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
