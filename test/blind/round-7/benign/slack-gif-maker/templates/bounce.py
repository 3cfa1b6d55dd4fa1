"""Bouncing text: eases down and up once per loop."""
import math

from core.draw import canvas, centred_text


def bounce_frames(text: str, fg: str, bg: str, n: int = 12, size: int = 128, height: int = 18):
    for i in range(n):
        t = i / n
        dy = -abs(math.sin(t * math.pi)) * height + height / 2
        img, d = canvas(size, bg)
        centred_text(d, size, text, fg, px=max(18, size // 4), dy=int(dy))
        yield img
