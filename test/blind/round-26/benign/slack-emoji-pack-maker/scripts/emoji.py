#!/usr/bin/env python3
"""Make Slack custom emoji (static, text, animated) under Slack's size limits."""
import argparse
import colorsys
import io
import math
import random
import re
import sys
import zipfile
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

SIZE = 128
LIMIT = 128 * 1024
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]
NAME_RE = re.compile(r"^[a-z0-9_-]{1,100}$")


def check_name(name):
    if not NAME_RE.match(name):
        sys.exit(f"invalid emoji name {name!r}: use lowercase a-z, 0-9, _ and -")
    return name


def trim(img):
    rgba = img.convert("RGBA")
    bbox = rgba.getchannel("A").getbbox()
    if bbox and bbox != (0, 0, *rgba.size):
        return rgba.crop(bbox)
    bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    diff = ImageChops.difference(rgba, bg).convert("L").point(lambda p: 255 if p > 12 else 0)
    bbox = diff.getbbox()
    return rgba.crop(bbox) if bbox else rgba


def square(img, size=SIZE, pad=0.06, outline=0):
    img = trim(img)
    inner = int(size * (1 - 2 * pad))
    img = ImageOps.contain(img, (inner, inner), Image.LANCZOS)
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas.paste(img, ((size - img.width) // 2, (size - img.height) // 2), img)
    if outline:
        alpha = canvas.getchannel("A")
        grown = alpha
        for _ in range(outline):
            grown = grown.filter(ImageFilter.MaxFilter(3))
        ring = Image.new("RGBA", canvas.size, (20, 20, 20, 255))
        ring.putalpha(grown)
        ring.alpha_composite(canvas)
        canvas = ring
    return canvas


def find_font(path, size):
    for p in ([path] if path else []) + FONT_CANDIDATES:
        try:
            return ImageFont.truetype(p, size)
        except (OSError, TypeError):
            continue
    return ImageFont.load_default()


def text_emoji(text, fg, bg, font_path):
    lines = text.upper().split("\\n") if "\\n" in text else _wrap(text.upper())
    img = Image.new("RGBA", (SIZE, SIZE), bg if bg else (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    for fs in range(96, 8, -2):
        font = find_font(font_path, fs)
        boxes = [draw.textbbox((0, 0), l, font=font) for l in lines]
        w = max(b[2] - b[0] for b in boxes)
        h = sum(b[3] - b[1] for b in boxes) + (len(lines) - 1) * fs * 0.1
        if w <= SIZE * 0.9 and h <= SIZE * 0.9:
            break
    y = (SIZE - h) / 2
    for l, b in zip(lines, boxes):
        draw.text(((SIZE - (b[2] - b[0])) / 2 - b[0], y - b[1]), l, font=font, fill=fg,
                  stroke_width=max(1, fs // 24), stroke_fill=(0, 0, 0, 200) if not bg else bg)
        y += (b[3] - b[1]) + fs * 0.1
    return img


def _wrap(text):
    words = text.split()
    if len(words) <= 1 or len(text) <= 6:
        return [text]
    mid = len(words) // 2
    return [" ".join(words[:mid]), " ".join(words[mid:])]


def hue_shift(img, amount):
    r, g, b, a = img.split()
    rgb = Image.merge("RGB", (r, g, b)).convert("HSV")
    h, s, v = rgb.split()
    h = h.point(lambda x: (x + int(amount * 255)) % 256)
    s = s.point(lambda x: max(x, 140))
    out = Image.merge("HSV", (h, s, v)).convert("RGB")
    out.putalpha(a)
    return out


def frames_for(effect, base):
    rng = random.Random(7)
    out = []
    if effect == "spin":
        out = [base.rotate(-i * 15, resample=Image.BICUBIC) for i in range(24)]
    elif effect in ("shake", "intensifies"):
        for i in range(8):
            dx, dy = rng.randint(-6, 6), rng.randint(-6, 6)
            f = base
            if effect == "intensifies":
                z = 1.08
                f = ImageOps.contain(base, (int(SIZE * z), int(SIZE * z))).crop((5, 5, 5 + SIZE, 5 + SIZE))
            frame = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
            frame.paste(f, (dx, dy), f)
            out.append(frame)
    elif effect == "party":
        out = [hue_shift(base, i / 16) for i in range(16)]
    elif effect in ("bounce", "pulse"):
        for i in range(12):
            t = i / 12
            if effect == "pulse":
                sx = sy = 0.9 + 0.2 * (0.5 - 0.5 * math.cos(2 * math.pi * t))
                oy = 0
            else:
                hop = abs(math.sin(math.pi * t))
                sx, sy = 1 + 0.12 * (1 - hop), 1 - 0.12 * (1 - hop)
                oy = -int(hop * 22)
            w, h = int(SIZE * sx * 0.85), int(SIZE * sy * 0.85)
            f = base.resize((w, h), Image.LANCZOS)
            frame = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
            frame.paste(f, ((SIZE - w) // 2, SIZE - h - 4 + oy), f)
            out.append(frame)
    elif effect == "wave":
        for i in range(12):
            frame = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
            for x in range(SIZE):
                dy = int(5 * math.sin(2 * math.pi * (x / SIZE + i / 12)))
                frame.paste(base.crop((x, 0, x + 1, SIZE)), (x, dy))
            out.append(frame)
    else:
        sys.exit(f"unknown effect {effect}")
    return out


def encode_gif(frames, duration, colors, matte):
    matte_rgb = Image.new("RGBA", frames[0].size, matte)
    pal_frames = []
    for f in frames:
        flat = Image.alpha_composite(matte_rgb, f).convert("RGB")
        mask = f.getchannel("A").point(lambda a: 255 if a < 96 else 0)
        p = flat.quantize(colors=colors - 1, method=Image.Quantize.MEDIANCUT)
        p.paste(colors - 1, mask=mask)
        p.info["transparency"] = colors - 1
        pal_frames.append(p)
    buf = io.BytesIO()
    pal_frames[0].save(buf, "GIF", save_all=True, append_images=pal_frames[1:], duration=duration,
                       loop=0, disposal=2, transparency=colors - 1, optimize=True)
    return buf.getvalue()


def save_animated(frames, path, duration, colors, matte):
    attempts = [(colors, frames, SIZE)]
    for c in (48, 32, 24):
        attempts.append((c, frames, SIZE))
    attempts.append((24, frames[::2], SIZE))
    attempts.append((24, [f.resize((96, 96), Image.LANCZOS) for f in frames[::2]], 96))
    attempts.append((16, [f.resize((64, 64), Image.LANCZOS) for f in frames[::2]], 64))
    for c, fr, size in attempts:
        data = encode_gif(fr, duration * (len(frames) // len(fr)), c, matte)
        if len(data) <= LIMIT:
            path.write_bytes(data)
            return len(data), size
    raise SystemExit(f"{path.name}: cannot get under 128 KB; simplify the source image")


def save_static(img, path):
    img.save(path, "PNG", optimize=True)
    if path.stat().st_size > LIMIT:
        img.quantize(colors=128).save(path, "PNG", optimize=True)
    return path.stat().st_size


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["static", "text", "animate", "batch", "preview"])
    ap.add_argument("source")
    ap.add_argument("--name")
    ap.add_argument("--effects", nargs="*", default=[])
    ap.add_argument("--fg", default="#ffffff")
    ap.add_argument("--bg")
    ap.add_argument("--font")
    ap.add_argument("--outline", type=int, default=0)
    ap.add_argument("--matte", default="#1a1d21")
    ap.add_argument("--colors", type=int, default=64)
    ap.add_argument("--duration", type=int, default=50, help="ms per frame")
    ap.add_argument("--out", default="emoji-pack")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = []

    def make_from(src, name):
        base = square(Image.open(src), outline=args.outline)
        p = out / f"{name}.png"
        print(f"{p.name:30} {save_static(base, p) / 1024:6.1f} KB")
        names.append((name, p.name))
        for eff in args.effects:
            p = out / f"{name}-{eff}.gif"
            size, px = save_animated(frames_for(eff, base), p, args.duration, args.colors, args.matte)
            print(f"{p.name:30} {size / 1024:6.1f} KB {'(downscaled to %dpx)' % px if px != SIZE else ''}")
            names.append((f"{name}-{eff}", p.name))

    if args.mode == "preview":
        files = sorted(Path(args.source).glob("*.[pg][ni][gf]"))
        sheet = Image.new("RGB", (len(files) * 100 + 20, 200), "#ffffff")
        dark = Image.new("RGB", (sheet.width, 100), "#1a1d21")
        sheet.paste(dark, (0, 100))
        for i, f in enumerate(files):
            im = Image.open(f).convert("RGBA")
            for row in (0, 100):
                sheet.paste(im.resize((22, 22), Image.LANCZOS), (20 + i * 100, row + 39), im.resize((22, 22)))
                sheet.paste(im.resize((64, 64), Image.LANCZOS), (50 + i * 100, row + 18), im.resize((64, 64)))
        sheet.save(Path(args.source) / "preview.png")
        print(f"wrote {Path(args.source) / 'preview.png'}")
        return
    if args.mode == "text":
        name = check_name(args.name or re.sub(r"[^a-z0-9]+", "-", args.source.lower()).strip("-"))
        img = text_emoji(args.source, args.fg, args.bg, args.font)
        p = out / f"{name}.png"
        print(f"{p.name:30} {save_static(img, p) / 1024:6.1f} KB")
        names.append((name, p.name))
    elif args.mode in ("static", "animate"):
        name = check_name(args.name or re.sub(r"[^a-z0-9]+", "-", Path(args.source).stem.lower()).strip("-"))
        if args.mode == "static":
            args.effects = []
        make_from(args.source, name)
    elif args.mode == "batch":
        for src in sorted(Path(args.source).iterdir()):
            if src.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp", ".gif"):
                make_from(src, check_name(re.sub(r"[^a-z0-9]+", "-", src.stem.lower()).strip("-")))

    with open(out / "names.txt", "a") as fh:
        for n, f in names:
            fh.write(f":{n}:\t{f}\n")
    with zipfile.ZipFile(out / f"{out.name}.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(out.iterdir()):
            if f.suffix in (".png", ".gif", ".txt") and f.name != "preview.png":
                z.write(f, f.name)
    print(f"{len(names)} emoji -> {out}/ ({out.name}.zip)")


if __name__ == "__main__":
    main()
