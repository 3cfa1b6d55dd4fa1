#!/usr/bin/env python3
"""Generate simple looping animations sized for Slack."""
import argparse
import colorsys
import math
import sys

from PIL import Image

import gif_builder as gb


def ease(t):
    return 0.5 - 0.5 * math.cos(math.pi * t)


def frames_for(motion, subject, n, amplitude):
    w, h = subject.size
    for i in range(n):
        t = i / n
        canvas = gb.blank(subject.size)
        if motion == "bounce":
            dy = -int(amplitude * h * abs(math.sin(math.pi * t)))
            canvas.paste(subject, (0, dy), subject)
        elif motion == "spin":
            canvas = subject.rotate(-360 * t, resample=Image.BICUBIC)
        elif motion == "shake":
            dx = int(6 * math.sin(6 * math.pi * t) * (1 - t))
            canvas.paste(subject, (dx, 0), subject)
        elif motion == "pulse":
            s = 1 + 0.12 * math.sin(2 * math.pi * t)
            scaled = subject.resize((int(w * s), int(h * s)), Image.LANCZOS)
            canvas.paste(scaled, ((w - scaled.width) // 2, (h - scaled.height) // 2), scaled)
        elif motion == "rainbow":
            canvas = hue_shift(subject, t)
        elif motion == "slide":
            x = int((ease(t) * 2 - 1) * w)
            canvas.paste(subject, (x, 0), subject)
        elif motion == "fade":
            a = math.sin(math.pi * t)
            faded = subject.copy()
            faded.putalpha(faded.getchannel("A").point(lambda v: int(v * a)))
            canvas = faded
        else:
            raise SystemExit(f"unknown motion: {motion}")
        yield canvas


def hue_shift(img, t):
    px = img.load()
    out = img.copy()
    opx = out.load()
    for y in range(img.height):
        for x in range(img.width):
            r, g, b, a = px[x, y]
            if a == 0:
                continue
            hh, ll, ss = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
            r2, g2, b2 = colorsys.hls_to_rgb((hh + t) % 1.0, ll, max(ss, 0.6))
            opx[x, y] = (int(r2 * 255), int(g2 * 255), int(b2 * 255), a)
    return out


def shrink(path, emoji):
    src = Image.open(path)
    frames = []
    try:
        while True:
            frame = src.convert("RGBA")
            if emoji:
                frame = frame.resize(gb.EMOJI_SIZE, Image.LANCZOS)
            elif frame.width > gb.MESSAGE_MAX_WIDTH:
                ratio = gb.MESSAGE_MAX_WIDTH / frame.width
                frame = frame.resize((gb.MESSAGE_MAX_WIDTH, int(frame.height * ratio)), Image.LANCZOS)
            frames.append(frame)
            src.seek(src.tell() + 1)
    except EOFError:
        pass
    return frames, src.info.get("duration", 60)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--motion", default="bounce")
    p.add_argument("--text")
    p.add_argument("--image")
    p.add_argument("--shrink")
    p.add_argument("--out", required=True)
    p.add_argument("--emoji", action="store_true", help="128x128, <128KB")
    p.add_argument("--frames", type=int)
    p.add_argument("--duration", type=int, default=60)
    p.add_argument("--amplitude", type=float, default=0.18)
    a = p.parse_args(argv)

    if a.shrink:
        frames, duration = shrink(a.shrink, a.emoji)
    else:
        size = gb.EMOJI_SIZE if a.emoji else (gb.MESSAGE_MAX_WIDTH // 2, gb.MESSAGE_MAX_WIDTH // 2)
        if a.image:
            subject = gb.load_subject(a.image, size)
        elif a.text:
            subject = gb.text_subject(a.text, size)
        else:
            p.error("need --text, --image or --shrink")
        n = a.frames or (24 if a.emoji else 36)
        frames = list(frames_for(a.motion, subject, n, a.amplitude))
        duration = a.duration

    info = gb.save_within_limit(frames, a.out, emoji=a.emoji, duration_ms=duration)
    print(f"wrote {a.out}: {info['bytes'] / 1024:.1f} KB, {info['frames']} frames, {info['colours']} colours")
    if info.get("over_limit"):
        print("warning: still over Slack's limit; try fewer frames or a simpler subject", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
