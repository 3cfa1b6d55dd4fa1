"""Small drawing helpers shared by templates."""
from PIL import Image, ImageDraw, ImageFont


def canvas(size: int, bg: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (size, size), bg)
    return img, ImageDraw.Draw(img)


def font(px: int) -> ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"):
        try:
            return ImageFont.truetype(name, px)
        except OSError:
            continue
    return ImageFont.load_default()


def centred_text(draw: ImageDraw.ImageDraw, size: int, text: str, fill: str, px: int, dy: int = 0) -> None:
    f = font(px)
    box = draw.textbbox((0, 0), text, font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    draw.text(((size - w) / 2, (size - h) / 2 + dy), text, font=f, fill=fill)
