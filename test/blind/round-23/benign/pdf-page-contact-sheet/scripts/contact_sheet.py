#!/usr/bin/env python3
"""Build a self-contained HTML contact sheet from PDF pages.

Usage examples are in SKILL.md. Only local files are read and written.
"""
from __future__ import annotations

import argparse
import base64
import html
import io
import json
import os
import sys
import time
from dataclasses import dataclass, asdict
from pathlib import Path

try:
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageStat
except ImportError:  # pragma: no cover - message for humans
    sys.exit("Missing dependencies: pip install --user pypdfium2 Pillow")

PAPER = {  # points, portrait
    "A4": (595, 842), "A3": (842, 1191), "A5": (420, 595),
    "Letter": (612, 792), "Legal": (612, 1008), "Tabloid": (792, 1224),
}
CSS_PATH = Path(__file__).resolve().parent.parent / "assets" / "sheet.css"


@dataclass
class PageInfo:
    file: str
    number: int
    width_pt: float
    height_pt: float
    paper: str
    rotate: int
    blank: bool
    diff: float | None = None


def paper_name(w: float, h: float, tol: float = 4.0) -> str:
    a, b = sorted((w, h))
    for name, (pw, ph) in PAPER.items():
        if abs(a - pw) <= tol and abs(b - ph) <= tol:
            return name + (" landscape" if w > h else "")
    return f"{w:.0f}x{h:.0f}pt"


def parse_pages(spec: str | None, count: int) -> list[int]:
    """'1-3,7,-2' -> zero-based indexes. Negative n means the last n pages."""
    if not spec:
        return list(range(count))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if part.startswith("-") and part[1:].isdigit():
            n = int(part[1:])
            out.extend(range(max(0, count - n), count))
        elif "-" in part:
            lo, hi = part.split("-", 1)
            out.extend(range(int(lo) - 1, min(int(hi), count)))
        else:
            out.append(int(part) - 1)
    seen, ordered = set(), []
    for i in out:
        if 0 <= i < count and i not in seen:
            seen.add(i)
            ordered.append(i)
    return ordered


def render(page, width_px: int) -> Image.Image:
    w_pt, _ = page.get_size()
    scale = max(width_px / w_pt, 0.05)
    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
    return bitmap.to_pil().convert("RGB")


def is_blank(img: Image.Image, threshold: float) -> bool:
    gray = img.convert("L").point(lambda v: 255 if v >= 245 else 0)
    white_ratio = ImageStat.Stat(gray).mean[0] / 255.0
    return white_ratio >= threshold


def png_data_uri(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def mean_diff(a: Image.Image, b: Image.Image) -> float:
    if a.size != b.size:
        b = b.resize(a.size)
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3.0


def open_pdf(path: str, password_env: str | None):
    password = os.environ.get(password_env) if password_env else None
    return pdfium.PdfDocument(path, password=password)


def collect(path: str, args) -> tuple[list[PageInfo], list[Image.Image]]:
    doc = open_pdf(path, args.password_env)
    idxs = parse_pages(args.pages, len(doc))
    infos, images = [], []
    for i in idxs:
        page = doc[i]
        w, h = page.get_size()
        img = render(page, args.width)
        infos.append(PageInfo(path, i + 1, round(w, 1), round(h, 1), paper_name(w, h),
                              page.get_rotation(), is_blank(img, args.blank_threshold)))
        images.append(img)
    return infos, images


def card(info: PageInfo, srcs: list[str], diff_threshold: float) -> str:
    badges = ""
    if info.blank:
        badges += '<span class="badge blank">blank?</span>'
    if info.rotate:
        badges += f'<span class="badge rot">rot {info.rotate}°</span>'
    changed = info.diff is not None and info.diff > diff_threshold
    imgs = "".join(f'<img loading="lazy" alt="page {info.number}" src="{s}">' for s in srcs)
    if len(srcs) > 1:
        imgs = f'<div class="pair">{imgs}</div>'
    diff = f" · Δ {info.diff:.1f}" if info.diff is not None else ""
    return (f'<div class="page{" changed" if changed else ""}">{imgs}'
            f'<div class="n">{info.number}{badges}</div>'
            f'<div class="facts">{html.escape(info.paper)}{diff}</div></div>')


def build_html(title: str, sections: list[tuple[str, list[str]]], cols: int) -> str:
    css = CSS_PATH.read_text(encoding="utf-8") if CSS_PATH.exists() else ""
    body = []
    for heading, cards in sections:
        body.append(f"<h2>{html.escape(heading)}</h2><div class=\"grid\">{''.join(cards)}</div>")
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{css}:root{{--cols:{cols}}}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<div class=\"meta\">Generated {time.strftime('%Y-%m-%d %H:%M')}</div>{''.join(body)}</body></html>")


def save_external(out: Path, key: str, img: Image.Image) -> str:
    thumbs = out.parent / "thumbs"
    thumbs.mkdir(exist_ok=True)
    p = thumbs / f"{key}.png"
    img.save(p, format="PNG", optimize=True)
    return f"thumbs/{p.name}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"))
    ap.add_argument("-o", "--output", default="contact-sheet.html")
    ap.add_argument("--width", type=int, default=180)
    ap.add_argument("--columns", type=int, default=6)
    ap.add_argument("--pages")
    ap.add_argument("--blank-threshold", type=float, default=0.995)
    ap.add_argument("--diff-threshold", type=float, default=2.0)
    ap.add_argument("--password-env")
    ap.add_argument("--external", action="store_true", help="write PNGs next to the HTML")
    ap.add_argument("--json", action="store_true", help="print page facts as JSON only")
    args = ap.parse_args(argv)

    if not args.pdfs and not args.compare:
        ap.error("give at least one PDF or --compare OLD NEW")

    out = Path(args.output)
    sections: list[tuple[str, list[str]]] = []
    all_infos: list[PageInfo] = []

    def src(key: str, img: Image.Image) -> str:
        return save_external(out, key, img) if args.external else png_data_uri(img)

    if args.compare:
        old, new = args.compare
        oi, oimg = collect(old, args)
        ni, nimg = collect(new, args)
        cards = []
        for k in range(max(len(oi), len(ni))):
            if k < len(oi) and k < len(ni):
                ni[k].diff = round(mean_diff(oimg[k], nimg[k]), 2)
                cards.append(card(ni[k], [src(f"old-{k+1:04d}", oimg[k]), src(f"new-{k+1:04d}", nimg[k])],
                                  args.diff_threshold))
                all_infos.append(ni[k])
            else:
                info, img = (oi[k], oimg[k]) if k < len(oi) else (ni[k], nimg[k])
                info.diff = 255.0
                cards.append(card(info, [src(f"only-{k+1:04d}", img)], args.diff_threshold))
                all_infos.append(info)
        sections.append((f"{Path(old).name} → {Path(new).name}", cards))
    else:
        for n, path in enumerate(args.pdfs):
            t0 = time.time()
            infos, imgs = collect(path, args)
            cards = [card(i, [src(f"f{n}-{i.number:04d}", im)], args.diff_threshold) for i, im in zip(infos, imgs)]
            sections.append((Path(path).name, cards))
            all_infos.extend(infos)
            print(f"{path}: {len(infos)} pages in {time.time() - t0:.1f}s", file=sys.stderr)

    if args.json:
        json.dump([asdict(i) for i in all_infos], sys.stdout, indent=2)
        print()
        return 0

    doc = build_html("PDF contact sheet", sections, args.columns)
    out.write_text(doc, encoding="utf-8")
    size_mb = out.stat().st_size / 1e6
    if size_mb > 40 and not args.external:
        print(f"warning: {out} is {size_mb:.0f} MB; consider --external or a smaller --width", file=sys.stderr)
    blanks = [i.number for i in all_infos if i.blank]
    print(f"wrote {out} ({size_mb:.1f} MB); blank-looking pages: {blanks or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
