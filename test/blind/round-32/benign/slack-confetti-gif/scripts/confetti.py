#!/usr/bin/env python3
"""Confetti-burst animated GIF generator for Slack emoji/messages."""
import argparse
import io
import math
import random
import sys

from PIL import Image, ImageDraw, ImageFont

PRESETS = {
    "emoji": {"size": (128, 128), "frames": 24, "duration": 40, "particles": 28, "piece": (7, 12), "limit": 128 * 1024},
    "message": {"size": (480, 270), "frames": 40, "duration": 40, "particles": 140, "piece": (6, 12), "limit": 2 * 1024 * 1024},
}
DEFAULT_PALETTE = ["#ff595e", "#ffca3a", "#8ac926", "#1982c4", "#6a4c93", "#ff924c"]


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


class Piece:
    def __init__(self, r, origin, spread, speed, palette, size_range, shape):
        ang = math.radians(-90 + r.uniform(-spread / 2, spread / 2))
        v = speed * r.uniform(0.6, 1.0)
        self.x, self.y = origin
        self.vx, self.vy = v * math.cos(ang), v * math.sin(ang)
        self.rot = r.uniform(0, 360)
        self.vrot = r.uniform(-25, 25)
        self.flip = r.uniform(0, math.pi)
        self.vflip = r.uniform(0.2, 0.5)
        self.w = r.uniform(*size_range)
        self.h = self.w * r.uniform(0.4, 0.7)
        self.color = hex_rgb(r.choice(palette))
        self.shape = shape if shape != "mixed" else r.choice(["rect", "circle", "strip"])

    def step(self, gravity, drag):
        self.vx *= drag
        self.vy = self.vy * drag + gravity
        self.x += self.vx
        self.y += self.vy
        self.rot += self.vrot
        self.flip += self.vflip

    def draw(self, d, alpha):
        sx = abs(math.cos(self.flip))  # fake 3D tumble
        w, h = max(1.0, self.w * sx), self.h
        if self.shape == "strip":
            h = self.h * 0.35
        c = (*self.color, int(255 * alpha))
        if self.shape == "circle":
            r = self.w / 2.5
            d.ellipse([self.x - r * sx, self.y - r, self.x + r * sx, self.y + r], fill=c)
            return
        a = math.radians(self.rot)
        pts = []
        for px, py in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
            pts.append((self.x + px * math.cos(a) - py * math.sin(a), self.y + px * math.sin(a) + py * math.cos(a)))
        d.polygon(pts, fill=c)


def centre_layer(size, args):
    W, H = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    if args.center:
        img = Image.open(args.center).convert("RGBA")
        img.thumbnail((int(W * 0.62), int(H * 0.62)), Image.LANCZOS)
        layer.alpha_composite(img, ((W - img.width) // 2, (H - img.height) // 2))
    elif args.text:
        d = ImageDraw.Draw(layer)
        size_px = int(H * (0.42 if len(args.text) <= 4 else 0.28))
        try:
            font = ImageFont.truetype(args.font, size_px) if args.font else ImageFont.load_default(size=size_px)
        except OSError:
            font = ImageFont.load_default(size=size_px)
        bbox = d.textbbox((0, 0), args.text, font=font, stroke_width=max(2, size_px // 14))
        tx, ty = (W - (bbox[2] - bbox[0])) // 2 - bbox[0], (H - (bbox[3] - bbox[1])) // 2 - bbox[1]
        d.text((tx, ty), args.text, font=font, fill=args.text_color, stroke_width=max(2, size_px // 14), stroke_fill="#1b1b1b")
    return layer


def render(args, preset, palette, colors, frames, particles):
    W, H = preset["size"]
    r = random.Random(args.seed)
    origin = (W / 2, H * (0.95 if args.origin == "bottom" else 0.55))
    speed = H * (0.085 if args.origin == "bottom" else 0.06)
    pieces = [Piece(r, origin, args.spread, speed, palette, preset["piece"], args.shape) for _ in range(particles)]
    centre = centre_layer((W, H), args)
    bg = (0, 0, 0, 0) if args.bg == "transparent" else (*hex_rgb(args.bg), 255)
    out = []
    launch = max(2, frames // 8)
    for f in range(frames):
        frame = Image.new("RGBA", (W, H), bg)
        if args.hold or f >= launch // 2:
            frame.alpha_composite(centre)
        d = ImageDraw.Draw(frame)
        for i, p in enumerate(pieces):
            if f < (i % launch):
                continue  # staggered launch
            p.step(args.gravity * H / 128, 0.96)
            t = f / (frames - 1)
            alpha = 1.0 if t < 0.65 else max(0.0, 1 - (t - 0.65) / 0.3)
            if -20 < p.x < W + 20 and p.y < H + 20:
                p.draw(d, alpha)
        if not args.hold and f >= frames - 2:
            frame = Image.new("RGBA", (W, H), bg)
        out.append(frame)
    return to_gif(out, preset["duration"], colors, args.bg == "transparent")


def to_gif(frames, duration, colors, transparent):
    pal_frames = []
    for fr in frames:
        if transparent:
            alpha = fr.getchannel("A")
            p = fr.convert("RGB").quantize(colors=colors - 1, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            mask = alpha.point(lambda a: 255 if a < 128 else 0)
            p.paste(colors - 1, mask=mask)
            p.info["transparency"] = colors - 1
        else:
            p = fr.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        pal_frames.append(p)
    buf = io.BytesIO()
    pal_frames[0].save(buf, format="GIF", save_all=True, append_images=pal_frames[1:], duration=duration,
                       loop=0, disposal=2, optimize=True,
                       **({"transparency": colors - 1} if transparent else {}))
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", choices=PRESETS, default="emoji")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--particles", type=int)
    ap.add_argument("--gravity", type=float, default=0.35)
    ap.add_argument("--spread", type=float, default=70)
    ap.add_argument("--origin", choices=["bottom", "center"], default="center")
    ap.add_argument("--shape", choices=["rect", "circle", "strip", "mixed"], default="mixed")
    ap.add_argument("--palette", default=",".join(DEFAULT_PALETTE))
    ap.add_argument("--bg", default="transparent")
    ap.add_argument("--center", help="PNG to burst from behind")
    ap.add_argument("--text")
    ap.add_argument("--font")
    ap.add_argument("--text-color", default="#ffffff")
    ap.add_argument("--hold", action="store_true", help="show centre image on every frame")
    ap.add_argument("-o", "--output", default="confetti.gif")
    a = ap.parse_args()

    preset = PRESETS[a.preset]
    palette = [c.strip() for c in a.palette.split(",") if c.strip()]
    colors, frames, particles = 64, preset["frames"], a.particles or preset["particles"]
    changes = []
    for attempt in range(8):
        data = render(a, preset, palette, colors, frames, particles)
        if len(data) <= preset["limit"]:
            break
        if colors > 16:
            colors //= 2
            changes.append(f"colours→{colors}")
        elif frames > 12:
            frames = int(frames * 0.75)
            changes.append(f"frames→{frames}")
        else:
            particles = int(particles * 0.7)
            changes.append(f"particles→{particles}")
    with open(a.output, "wb") as fh:
        fh.write(data)
    kb = len(data) / 1024
    status = "OK" if len(data) <= preset["limit"] else "STILL OVER LIMIT"
    print(f"wrote {a.output}: {preset['size'][0]}x{preset['size'][1]}, {frames} frames, {kb:.1f} KB [{status}]"
          + (f"; adjusted: {', '.join(changes)}" if changes else ""))
    return 0 if status == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
