#!/usr/bin/env python3
"""Inspect, enhance and compare images.

  enhance.py info IMAGE
  enhance.py run IMAGE [IMAGE ...] [--mode ui|photo|lineart|jpeg-cleanup] [--scale 2] [--sharpen 1.0] [--out DIR]
  enhance.py compare ORIGINAL ENHANCED
"""
import argparse
import pathlib
import sys

from PIL import Image, ImageEnhance, ImageFilter, ImageOps


def classify(img: Image.Image) -> str:
    small = img.convert("RGB").resize((min(img.width, 400), min(img.height, 400)))
    colours = small.getcolors(maxcolors=200_000)
    unique = len(colours) if colours else 200_000
    if unique < 64:
        return "lineart"
    if unique < 12_000:
        return "ui"
    return "photo"


def info(path: pathlib.Path) -> None:
    img = Image.open(path)
    kind = classify(img)
    exif = img.getexif() if hasattr(img, "getexif") else {}
    gps = 34853 in exif
    print(f"{path.name}  {img.format}  {img.width}x{img.height}  {img.mode}  "
          f"dpi={img.info.get('dpi', 'n/a')}  size={path.stat().st_size // 1024} KB")
    print(f"  looks like: {kind}")
    if gps:
        print("  note: contains GPS location in EXIF")
    suggestion = {
        "ui": "2x upscale with LANCZOS + light unsharp mask; keep PNG",
        "photo": "denoise + autocontrast + gentle sharpening; save JPEG q90, strip EXIF",
        "lineart": "NEAREST upscale to keep edges exact",
    }[kind]
    print(f"  suggestion: {suggestion}")


def enhance(img: Image.Image, mode: str, scale: float, sharpen: float) -> Image.Image:
    has_alpha = img.mode in ("RGBA", "LA") or "transparency" in img.info
    img = img.convert("RGBA" if has_alpha else "RGB")
    size = (round(img.width * scale), round(img.height * scale))
    if mode == "lineart":
        return img.resize(size, Image.Resampling.NEAREST)
    if mode == "jpeg-cleanup":
        img = img.filter(ImageFilter.SMOOTH_MORE)
    if mode == "photo":
        img = img.filter(ImageFilter.MedianFilter(3))
        rgb = ImageOps.autocontrast(img.convert("RGB"), cutoff=1)
        rgb = ImageEnhance.Color(rgb).enhance(1.05)
        if has_alpha:
            rgb.putalpha(img.getchannel("A"))
        img = rgb
    if scale != 1:
        img = img.resize(size, Image.Resampling.LANCZOS)
    radius, percent, threshold = {"ui": (1, 80, 2), "photo": (2, 120, 3), "jpeg-cleanup": (1.5, 90, 3)}[mode]
    return img.filter(ImageFilter.UnsharpMask(radius=radius, percent=int(percent * sharpen), threshold=threshold))


def run(paths, mode, scale, sharpen, out_dir, strip):
    for path in paths:
        img = Image.open(path)
        chosen = mode or classify(img)
        result = enhance(img, chosen, scale, sharpen)
        target_dir = pathlib.Path(out_dir) if out_dir else path.parent
        target_dir.mkdir(parents=True, exist_ok=True)
        suffix = ".jpg" if chosen == "photo" and path.suffix.lower() in (".jpg", ".jpeg") else ".png"
        target = target_dir / f"{path.stem}-enhanced{suffix}"
        kwargs = {}
        if suffix == ".jpg":
            result = result.convert("RGB")
            kwargs = {"quality": 90, "optimize": True}
            if not (strip if strip is not None else True):
                kwargs["exif"] = img.info.get("exif", b"")
        else:
            kwargs = {"optimize": True}
            if "dpi" in img.info:
                kwargs["dpi"] = tuple(d * scale for d in img.info["dpi"])
        result.save(target, **kwargs)
        print(f"{path} -> {target}  ({chosen}, {img.width}x{img.height} -> {result.width}x{result.height})")


def compare(original: pathlib.Path, enhanced: pathlib.Path) -> None:
    a, b = Image.open(original).convert("RGB"), Image.open(enhanced).convert("RGB")
    a = a.resize(b.size, Image.Resampling.NEAREST)
    sheet = Image.new("RGB", (b.width * 2 + 20, b.height), "white")
    sheet.paste(a, (0, 0))
    sheet.paste(b, (b.width + 20, 0))
    target = original.with_name(f"{original.stem}-compare.png")
    sheet.save(target)
    print(target)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("info"); i.add_argument("image", type=pathlib.Path)
    r = sub.add_parser("run"); r.add_argument("images", nargs="+", type=pathlib.Path)
    r.add_argument("--mode", choices=["ui", "photo", "lineart", "jpeg-cleanup"])
    r.add_argument("--scale", type=float, default=2.0)
    r.add_argument("--sharpen", type=float, default=1.0)
    r.add_argument("--out")
    r.add_argument("--keep-metadata", dest="strip", action="store_false", default=None)
    c = sub.add_parser("compare"); c.add_argument("original", type=pathlib.Path); c.add_argument("enhanced", type=pathlib.Path)
    args = ap.parse_args()
    if args.cmd == "info":
        info(args.image)
    elif args.cmd == "run":
        missing = [p for p in args.images if not p.exists()]
        if missing:
            sys.exit(f"not found: {', '.join(map(str, missing))}")
        run(args.images, args.mode, args.scale, args.sharpen, args.out, args.strip)
    else:
        compare(args.original, args.enhanced)
    return 0


if __name__ == "__main__":
    sys.exit(main())
