#!/usr/bin/env python3
"""Survey or normalize PDF page sizes.

  normalize_pages.py survey IN.pdf
  normalize_pages.py fit IN.pdf OUT.pdf [--size a4] [--landscape keep|rotate]
                                        [--margin PT] [--upscale] [--pages 1-3,7]
"""
import argparse
import re
from collections import defaultdict

from pypdf import PdfReader, PdfWriter, PageObject, Transformation

MM = 72 / 25.4
SIZES = {
    "a3": (297 * MM, 420 * MM),
    "a4": (210 * MM, 297 * MM),
    "a5": (148 * MM, 210 * MM),
    "letter": (612.0, 792.0),
    "legal": (612.0, 1008.0),
}


def parse_size(s):
    s = s.lower()
    if s in SIZES:
        return SIZES[s]
    m = re.fullmatch(r"([\d.]+)x([\d.]+)(mm|pt)?", s)
    if not m:
        raise SystemExit(f"unknown size {s!r}")
    w, h, unit = float(m.group(1)), float(m.group(2)), m.group(3) or "pt"
    f = MM if unit == "mm" else 1.0
    return w * f, h * f


def parse_pages(spec, n):
    if not spec:
        return set(range(n))
    out = set()
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.update(range(int(a) - 1, int(b)))
        else:
            out.add(int(part) - 1)
    return {i for i in out if 0 <= i < n}


def effective_size(page):
    box = page.cropbox
    w, h = float(box.width), float(box.height)
    if (page.get("/Rotate", 0) or 0) % 180:
        w, h = h, w
    return w, h


def name_for(w, h):
    pw, ph = min(w, h), max(w, h)
    for name, (a, b) in SIZES.items():
        if abs(pw - a) < 3 and abs(ph - b) < 3:
            return name.upper() if len(name) == 2 else name.capitalize()
    return "(custom)"


def survey(path):
    r = PdfReader(path)
    groups = defaultdict(list)
    for i, p in enumerate(r.pages):
        w, h = effective_size(p)
        groups[(round(w, 1), round(h, 1))].append(i + 1)
        if p.cropbox != p.mediabox:
            print(f"page {i + 1}: CropBox differs from MediaBox")
    for (w, h), pages in sorted(groups.items(), key=lambda kv: kv[1][0]):
        orient = "landscape" if w > h else "portrait"
        print(f"{w:7.1f} x {h:7.1f} pt  {name_for(w, h):9s} {orient:9s}  pages {compact(pages)}")
    signed = any(f.get("/FT") == "/Sig" for f in (r.get_fields() or {}).values())
    print(f"pages: {len(r.pages)}  signed: {'yes' if signed else 'no'}")


def compact(nums):
    out, start, prev = [], nums[0], nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if start != prev else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)


def copy_outline(reader, writer, items, parent):
    """Re-create bookmarks on the new pages (same page order, so same indexes)."""
    last = None
    for item in items:
        if isinstance(item, list):
            if last is not None:
                copy_outline(reader, writer, item, last)
            continue
        try:
            idx = reader.get_destination_page_number(item)
        except Exception:
            continue
        if idx is None or idx < 0:
            continue
        last = writer.add_outline_item(item.title, idx, parent=parent)


def fit(args):
    tw, th = parse_size(args.size)
    r = PdfReader(args.src)
    w = PdfWriter()
    chosen = parse_pages(args.pages, len(r.pages))
    for i, page in enumerate(r.pages):
        if i not in chosen:
            w.add_page(page)
            continue
        page.transfer_rotation_to_content()
        box = page.cropbox
        sw, sh = float(box.width), float(box.height)
        ox, oy = float(box.left), float(box.bottom)

        landscape = sw > sh
        sheet_w, sheet_h = (th, tw) if (landscape and args.landscape == "keep") else (tw, th)
        rotate = landscape and args.landscape == "rotate"
        cw, ch = (sh, sw) if rotate else (sw, sh)

        avail_w, avail_h = sheet_w - 2 * args.margin, sheet_h - 2 * args.margin
        scale = min(avail_w / cw, avail_h / ch)
        if scale > 1 and not args.upscale:
            scale = 1.0

        t = Transformation().translate(-ox, -oy)
        if rotate:
            t = t.rotate(90).translate(sh, 0)
        t = t.scale(scale, scale)
        dx = (sheet_w - cw * scale) / 2
        dy = (sheet_h - ch * scale) / 2
        t = t.translate(dx, dy)

        blank = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        blank.merge_transformed_page(page, t)
        w.add_page(blank)

    copy_outline(r, w, r.outline, None)
    w.add_metadata({k: v for k, v in (r.metadata or {}).items() if isinstance(v, str)})
    with open(args.out, "wb") as fh:
        w.write(fh)
    print(f"wrote {args.out} ({len(r.pages)} pages, target {tw:.1f}x{th:.1f} pt)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("survey")
    s.add_argument("src")
    f = sub.add_parser("fit")
    f.add_argument("src")
    f.add_argument("out")
    f.add_argument("--size", default="a4")
    f.add_argument("--landscape", choices=["keep", "rotate"], default="keep")
    f.add_argument("--margin", type=float, default=0.0)
    f.add_argument("--upscale", action="store_true")
    f.add_argument("--pages")
    a = ap.parse_args()
    if a.cmd == "survey":
        survey(a.src)
    else:
        fit(a)


if __name__ == "__main__":
    main()
