"""Small helpers for building Slack-friendly GIFs with Pillow."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable, List

from PIL import Image, ImageDraw, ImageFont

EMOJI_SIZE = (128, 128)
EMOJI_MAX_BYTES = 128 * 1024
MESSAGE_MAX_WIDTH = 480
MESSAGE_MAX_BYTES = 2 * 1024 * 1024


def blank(size=EMOJI_SIZE, transparent=True) -> Image.Image:
    mode = "RGBA"
    colour = (0, 0, 0, 0) if transparent else (255, 255, 255, 255)
    return Image.new(mode, size, colour)


def load_subject(path: str | Path, size=EMOJI_SIZE, margin: int = 6) -> Image.Image:
    img = Image.open(path).convert("RGBA")
    box = (size[0] - 2 * margin, size[1] - 2 * margin)
    img.thumbnail(box, Image.LANCZOS)
    canvas = blank(size)
    canvas.paste(img, ((size[0] - img.width) // 2, (size[1] - img.height) // 2), img)
    return canvas


def text_subject(text: str, size=EMOJI_SIZE, fill=(20, 20, 20, 255)) -> Image.Image:
    canvas = blank(size)
    draw = ImageDraw.Draw(canvas)
    font_size = size[1] // 2
    font = None
    for candidate in ("DejaVuSans-Bold.ttf", "Arial Bold.ttf", "Helvetica.ttc"):
        try:
            font = ImageFont.truetype(candidate, font_size)
            break
        except OSError:
            continue
    if font is None:
        font = ImageFont.load_default()
    while font_size > 8:
        bbox = draw.textbbox((0, 0), text, font=font)
        if bbox[2] - bbox[0] <= size[0] - 12:
            break
        font_size -= 2
        try:
            font = ImageFont.truetype(font.path, font_size)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            break
    bbox = draw.textbbox((0, 0), text, font=font)
    x = (size[0] - (bbox[2] - bbox[0])) // 2 - bbox[0]
    y = (size[1] - (bbox[3] - bbox[1])) // 2 - bbox[1]
    draw.text((x, y), text, font=font, fill=fill, stroke_width=2, stroke_fill=(255, 255, 255, 255))
    return canvas


def quantize(frames: Iterable[Image.Image], colours: int = 48) -> List[Image.Image]:
    out = []
    for frame in frames:
        alpha = frame.getchannel("A")
        rgb = frame.convert("RGB").quantize(colors=colours - 1, method=Image.MEDIANCUT, dither=Image.FLOYDSTEINBERG)
        mask = Image.eval(alpha, lambda a: 255 if a < 128 else 0)
        rgb.paste(colours - 1, mask=mask)
        rgb.info["transparency"] = colours - 1
        out.append(rgb)
    return out


def encode(frames: List[Image.Image], duration_ms: int = 60, loop: int = 0) -> bytes:
    buf = io.BytesIO()
    frames[0].save(
        buf,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=duration_ms,
        loop=loop,
        disposal=2,
        optimize=True,
        transparency=frames[0].info.get("transparency", 0),
    )
    return buf.getvalue()


def save_within_limit(frames: List[Image.Image], out: str | Path, *, emoji: bool, duration_ms: int = 60) -> dict:
    """Encode, lowering the palette and then the frame count until it fits."""
    limit = EMOJI_MAX_BYTES if emoji else MESSAGE_MAX_BYTES
    rgba = [f.convert("RGBA") for f in frames]
    for colours in (64, 48, 32, 24, 16):
        data = encode(quantize(rgba, colours), duration_ms)
        if len(data) <= limit:
            Path(out).write_bytes(data)
            return {"bytes": len(data), "colours": colours, "frames": len(rgba)}
    if len(rgba) > 8:
        return save_within_limit(rgba[::2], out, emoji=emoji, duration_ms=duration_ms * 2)
    Path(out).write_bytes(data)
    return {"bytes": len(data), "colours": 16, "frames": len(rgba), "over_limit": True}
