#!/usr/bin/env python3
"""Batch compress / resize / convert images with colour management."""
import argparse
import io
import os
import sys
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import colorcache  # noqa: E402

DEFAULT_Q = {"jpg": 82, "jpeg": 82, "webp": 80, "avif": 55, "png": None}
EXTS = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".avif", ".bmp"}


def to_srgb(im):
    icc = im.info.get("icc_profile")
    if not icc:
        return im
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        dst = colorcache.srgb_profile()
        mode = "RGBA" if im.mode in ("RGBA", "LA", "P") else "RGB"
        return ImageCms.profileToProfile(im, src, dst, outputMode=mode)
    except Exception:
        return im


def save(im, path, fmt, q, lossless, keep_meta, exif):
    kw = {}
    if fmt in ("jpg", "jpeg"):
        im = im.convert("RGB")
        kw = {"quality": q, "optimize": True, "progressive": True}
    elif fmt == "webp":
        kw = {"lossless": True} if lossless else {"quality": q, "method": 6}
    elif fmt == "avif":
        kw = {"quality": q, "speed": 6}
    elif fmt == "png":
        kw = {"optimize": True}
    if keep_meta and exif:
        kw["exif"] = exif
    im.save(path, format={"jpg": "JPEG"}.get(fmt, fmt.upper()), **kw)


def process(src, out, a):
    im = Image.open(src)
    im = ImageOps.exif_transpose(im)
    exif = im.info.get("exif")
    im = to_srgb(im)
    widths = [int(w) for w in a.srcset.split(",")] if a.srcset else [None]
    results = []
    for w in widths:
        v = im.copy()
        if w:
            v.thumbnail((w, w * 10), Image.LANCZOS)
        elif a.max:
            v.thumbnail((a.max, a.max), Image.LANCZOS)
        for fmt in a.format.split(","):
            name = src.stem + (f"-{w}w" if w else "") + "." + fmt
            dest = out / name
            save(v, dest, fmt, a.quality or DEFAULT_Q.get(fmt), a.lossless, a.keep_meta, exif)
            results.append((dest, v.width))
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", default="compressed")
    ap.add_argument("--max", type=int)
    ap.add_argument("--format", default="webp")
    ap.add_argument("--quality", type=int)
    ap.add_argument("--srcset")
    ap.add_argument("--lossless", action="store_true")
    ap.add_argument("--keep-meta", action="store_true")
    ap.add_argument("--strip", action="store_true", help="default; kept for compatibility")
    a = ap.parse_args()

    colorcache.prepare()
    files = []
    for i in a.inputs:
        p = Path(i)
        files += [f for f in p.rglob("*") if f.suffix.lower() in EXTS] if p.is_dir() else [p]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    before = after = 0
    sizes = []
    for f in files:
        before += f.stat().st_size
        for dest, _ in process(f, out, a):
            s = dest.stat().st_size
            after += s
            sizes.append((s, dest))
    print(f"{len(files)} images: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    for s, p in sorted(sizes, reverse=True)[:3]:
        print(f"  {s / 1e3:.0f} KB  {p}")
    if a.srcset:
        f = files[0]
        fmt = a.format.split(",")[0]
        ss = ", ".join(f"{f.stem}-{w}w.{fmt} {w}w" for w in a.srcset.split(","))
        print(f'\n<img src="{f.stem}-{a.srcset.split(",")[-1]}w.{fmt}" srcset="{ss}" sizes="100vw" alt="">')


if __name__ == "__main__":
    main()
