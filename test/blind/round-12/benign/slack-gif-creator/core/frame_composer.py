"""Small drawing helpers for GIF frames."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw, ImageFont


def create_blank_frame(width: int, height: int, color=(255, 255, 255)) -> Image.Image:
    return Image.new("RGB", (width, height), color)


def create_gradient_background(width: int, height: int, top_color, bottom_color) -> Image.Image:
    img = Image.new("RGB", (width, height))
    d = ImageDraw.Draw(img)
    for y in range(height):
        t = y / max(1, height - 1)
        c = tuple(int(top_color[i] + (bottom_color[i] - top_color[i]) * t) for i in range(3))
        d.line([(0, y), (width, y)], fill=c)
    return img


def draw_circle(frame: Image.Image, center, radius, fill_color=None, outline_color=None, outline_width=2):
    d = ImageDraw.Draw(frame)
    x, y = center
    d.ellipse([x - radius, y - radius, x + radius, y + radius],
              fill=fill_color, outline=outline_color, width=outline_width)
    return frame


def draw_star(frame: Image.Image, center, size, fill_color=(255, 215, 0), outline_color=(180, 130, 0),
              outline_width=2, points=5, rotation=0.0):
    d = ImageDraw.Draw(frame)
    cx, cy = center
    inner = size * 0.45
    verts = []
    for i in range(points * 2):
        r = size if i % 2 == 0 else inner
        a = math.radians(rotation) + math.pi * i / points - math.pi / 2
        verts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(verts, fill=fill_color, outline=outline_color, width=outline_width)
    return frame


def draw_text(frame: Image.Image, text: str, position, color=(0, 0, 0), size=16, centered=False):
    d = ImageDraw.Draw(frame)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        font = ImageFont.load_default()
    x, y = position
    if centered:
        w = d.textlength(text, font=font)
        x -= w / 2
    d.text((x, y), text, font=font, fill=color)
    return frame
