#!/usr/bin/env python3
"""Generate animated progress-bar / ring GIFs sized for Slack."""
import argparse
import io
import os
import sys

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]
MATTES = {"dark": (26, 29, 33), "light": (255, 255, 255)}


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def ease(t, kind):
    if kind == "linear":
        return t
    if kind == "out":
        return 1 - (1 - t) ** 3
    if kind == "inout":
        return 4 * t ** 3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2
    if kind == "stall":
        # rush to ~92%, then crawl the last few percent
        head = 1 - (1 - min(t / 0.6, 1.0)) ** 3
        tail = max(0.0, (t - 0.6) / 0.4) ** 4
        return 0.92 * head + 0.08 * tail
    return t


def load_font(path, size):
    for p in ([path] if path else []) + FONT_CANDIDATES:
        if p and os.path.exists(p):
            return ImageFont.truetype(p, size)
    return ImageFont.load_default()


def draw_frame(a, pct, w, h, scale, font, alpha_fill=1.0):
    W, H = w * scale, h * scale
    bg = hex_rgb(a.bg) + (255,) if a.bg else (0, 0, 0, 0)
    img = Image.new("RGBA", (W, H), bg)
    d = ImageDraw.Draw(img)
    fill = hex_rgb(a.fill) + (int(255 * alpha_fill),)
    track = hex_rgb(a.track) + (255,)
    label_h = int(H * 0.30) if (a.label or a.percent_label) and a.style != "ring" else 0

    if a.style in ("bar", "blocks"):
        pad = int(W * 0.08)
        bar_h = int(H * 0.26)
        top = label_h + (H - label_h - bar_h) // 2
        box = [pad, top, W - pad, top + bar_h]
        r = bar_h // 2
        d.rounded_rectangle(box, radius=r, fill=track)
        inner_w = (box[2] - box[0]) * pct / 100
        if a.style == "bar" and inner_w > 0:
            d.rounded_rectangle([box[0], box[1], box[0] + max(inner_w, bar_h), box[3]], radius=r, fill=fill)
        elif a.style == "blocks":
            n = 8
            gap = int(bar_h * 0.18)
            bw = (box[2] - box[0] - gap * (n + 1)) / n
            lit = int(round(n * pct / 100))
            for i in range(lit):
                x0 = box[0] + gap + i * (bw + gap)
                d.rectangle([x0, box[1] + gap, x0 + bw, box[3] - gap], fill=fill)
    else:  # ring
        pad = int(W * 0.12)
        width = int(W * 0.13)
        box = [pad, pad, W - pad, H - pad]
        d.arc(box, 0, 360, fill=track, width=width)
        if pct > 0:
            d.arc(box, -90, -90 + 360 * pct / 100, fill=fill, width=width)

    text = a.label or ""
    if a.percent_label:
        text = f"{int(round(pct))}%" if not a.label else f"{a.label} {int(round(pct))}%"
    if text:
        tb = d.textbbox((0, 0), text, font=font)
        tw, th = tb[2] - tb[0], tb[3] - tb[1]
        color = hex_rgb(a.text_color) + (255,)
        if a.style == "ring":
            d.text(((W - tw) / 2 - tb[0], (H - th) / 2 - tb[1]), text, font=font, fill=color)
        else:
            d.text(((W - tw) / 2 - tb[0], (label_h - th) / 2 - tb[1] + int(H * 0.04)), text, font=font, fill=color)

    return img.resize((w, h), Image.LANCZOS)


def to_gif_frames(frames, colors, matte, bg_set):
    out = []
    for f in frames:
        if bg_set:
            out.append(f.convert("RGB").quantize(colors=colors, method=Image.MEDIANCUT))
            continue
        # blend semi-transparent edges toward matte, then 1-bit alpha
        m = Image.new("RGBA", f.size, MATTES[matte] + (255,))
        blended = Image.alpha_composite(m, f)
        alpha = f.getchannel("A").point(lambda v: 255 if v > 96 else 0)
        p = blended.convert("RGB").quantize(colors=colors - 1, method=Image.MEDIANCUT)
        p.paste(colors - 1, mask=Image.eval(alpha, lambda v: 255 - v))
        p.info["transparency"] = colors - 1
        out.append(p)
    return out


def encode(frames, duration_ms, colors, matte, bg_set):
    pal = to_gif_frames(frames, colors, matte, bg_set)
    buf = io.BytesIO()
    kw = {"transparency": colors - 1} if not bg_set else {}
    pal[0].save(buf, format="GIF", save_all=True, append_images=pal[1:], duration=duration_ms,
                loop=0, disposal=2, optimize=True, **kw)
    return buf.getvalue()


def preview(path):
    im = Image.open(path)
    im.seek(im.n_frames - 1 if hasattr(im, "n_frames") else 0)
    frame = im.convert("RGBA")
    sizes = [22, 32, 128]
    sheet = Image.new("RGBA", (sum(sizes) + 40, 148), (26, 29, 33, 255))
    x = 10
    for s in sizes:
        sheet.alpha_composite(frame.resize((s, s), Image.LANCZOS), (x, (148 - s) // 2))
        x += s + 10
    out = os.path.splitext(path)[0] + ".preview.png"
    sheet.save(out)
    print(f"wrote {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", "--out")
    ap.add_argument("--preview")
    ap.add_argument("--style", choices=["bar", "ring", "blocks"], default="bar")
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--width", type=int)
    ap.add_argument("--height", type=int)
    ap.add_argument("--from", dest="start", type=float, default=0)
    ap.add_argument("--to", dest="end", type=float, default=100)
    ap.add_argument("--frames", type=int, default=24)
    ap.add_argument("--fps", type=int, default=16)
    ap.add_argument("--ease", choices=["linear", "out", "inout", "stall"], default="out")
    ap.add_argument("--hold", type=int, default=4)
    ap.add_argument("--label")
    ap.add_argument("--percent-label", action="store_true")
    ap.add_argument("--fill", default="#2eb67d")
    ap.add_argument("--track", default="#3f4349")
    ap.add_argument("--text-color", default="#e8e8e8")
    ap.add_argument("--bg")
    ap.add_argument("--matte", choices=["dark", "light"], default="dark")
    ap.add_argument("--font")
    ap.add_argument("--max-kb", type=int, default=128)
    ap.add_argument("--no-reset", action="store_true")
    a = ap.parse_args()

    if a.preview:
        preview(a.preview)
        return
    if not a.out:
        ap.error("-o/--out is required")

    w = a.width or a.size
    h = a.height or a.size
    scale = 4
    font = load_font(a.font, int(h * scale * (0.2 if a.style == "ring" else 0.22)))

    frames = []
    for i in range(a.frames):
        t = i / (a.frames - 1)
        pct = a.start + (a.end - a.start) * ease(t, a.ease)
        frames.append(draw_frame(a, pct, w, h, scale, font))
    frames += [frames[-1]] * a.hold
    if not a.no_reset:
        for k in range(3, 0, -1):
            frames.append(draw_frame(a, a.end, w, h, scale, font, alpha_fill=k / 4))

    duration = int(1000 / a.fps)
    limit = a.max_kb * 1024
    bg_set = bool(a.bg)
    attempts = []
    for colors in (256, 64, 32, 16):
        data = encode(frames, duration, colors, a.matte, bg_set)
        attempts.append(f"{colors} colours: {len(data) // 1024} KB")
        if len(data) <= limit:
            break
    else:
        thinned = frames[::2]
        data = encode(thinned, duration * 2, 16, a.matte, bg_set)
        attempts.append(f"16 colours, half frames: {len(data) // 1024} KB")
        if len(data) > limit:
            print("could not fit under limit: " + "; ".join(attempts), file=sys.stderr)
            print("shorten the label, reduce --frames, or raise --max-kb for message GIFs", file=sys.stderr)
            sys.exit(1)

    with open(a.out, "wb") as fh:
        fh.write(data)
    print("; ".join(attempts))
    print(f"wrote {a.out} ({len(data) // 1024} KB, {w}x{h})")


if __name__ == "__main__":
    main()
