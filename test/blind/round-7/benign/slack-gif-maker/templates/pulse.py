"""Pulsing circle with optional label."""
import math

from core.draw import canvas, centred_text


def pulse_frames(fg: str, bg: str, label: str = "", n: int = 10, size: int = 128):
    for i in range(n):
        scale = 0.75 + 0.2 * math.sin(2 * math.pi * i / n)
        r = size * scale / 2
        img, d = canvas(size, bg)
        c = size / 2
        d.ellipse([c - r, c - r, c + r, c + r], fill=fg)
        if label:
            centred_text(d, size, label, bg, px=size // 5)
        yield img
