#!/usr/bin/env python3
"""Booklet and n-up imposition for PDFs using pypdf.

Usage:
  impose.py info SRC
  impose.py booklet SRC -o OUT [--creep-mm X] [--gutter-mm X] [--sheet NAME] [--marks] [--rtl]
  impose.py nup SRC -o OUT --per-sheet {2,4,8} [--sheet NAME] [--marks]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject

MM = 72.0 / 25.4
SHEETS = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "letter": (612.0, 792.0),
    "tabloid": (792.0, 1224.0),
}


def page_box(page: PageObject, use_mediabox: bool) -> RectangleObject:
    return page.mediabox if use_mediabox else page.cropbox


def normalised_pages(reader: PdfReader, use_mediabox: bool) -> list[PageObject]:
    pages = []
    for p in reader.pages:
        rot = int(p.get("/Rotate", 0) or 0) % 360
        if rot:
            p.transfer_rotation_to_content()
        box = page_box(p, use_mediabox)
        p.mediabox = RectangleObject(box)
        pages.append(p)
    return pages


def open_pdf(path: str, password: str | None) -> PdfReader:
    reader = PdfReader(path)
    if reader.is_encrypted:
        if reader.decrypt(password or "") == 0:
            sys.exit("PDF is encrypted; pass --password with the password the user provides.")
    return reader


def blank_like(page: PageObject) -> PageObject:
    return PageObject.create_blank_page(width=float(page.mediabox.width), height=float(page.mediabox.height))


def place(sheet: PageObject, src: PageObject, x: float, y: float, w: float, h: float) -> None:
    sw, sh = float(src.mediabox.width), float(src.mediabox.height)
    scale = min(w / sw, h / sh)
    ox = x + (w - sw * scale) / 2 - float(src.mediabox.left) * scale
    oy = y + (h - sh * scale) / 2 - float(src.mediabox.bottom) * scale
    sheet.merge_transformed_page(src, Transformation().scale(scale).translate(ox, oy))


def marks_page(w: float, h: float, fold_x: float | None) -> PageObject:
    """Return a blank page carrying hairline corner marks and an optional dashed fold mark."""
    from pypdf.generic import DecodedStreamObject, NameObject

    ops = ["q 0.25 w 0.5 G"]
    L = 8.0
    for cx, cy in ((0, 0), (w, 0), (0, h), (w, h)):
        dx = L if cx == 0 else -L
        dy = L if cy == 0 else -L
        ops.append(f"{cx} {cy + dy} m {cx} {cy + dy * 0.3} l S")
        ops.append(f"{cx + dx} {cy} m {cx + dx * 0.3} {cy} l S")
    if fold_x is not None:
        ops.append(f"[2 2] 0 d {fold_x} 0 m {fold_x} {L} l S {fold_x} {h} m {fold_x} {h - L} l S")
    ops.append("Q")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode())
    page = PageObject.create_blank_page(width=w, height=h)
    page[NameObject("/Contents")] = stream
    return page


def booklet(args: argparse.Namespace) -> None:
    reader = open_pdf(args.src, args.password)
    pages = normalised_pages(reader, args.use_mediabox)
    if not pages:
        sys.exit("empty PDF")
    first = pages[0]
    pad = (-len(pages)) % 4
    blanks = [blank_like(first) for _ in range(pad)]
    if args.pad_before_last and len(pages) > 1:
        pages = pages[:-1] + blanks + pages[-1:]
    else:
        pages = pages + blanks
    n = len(pages)

    pw, ph = float(first.mediabox.width), float(first.mediabox.height)
    if args.sheet:
        sw, sh = SHEETS[args.sheet]
        sw, sh = max(sw, sh), min(sw, sh)
    else:
        sw, sh = 2 * pw, ph
    gutter = args.gutter_mm * MM
    slot_w = (sw - gutter) / 2

    writer = PdfWriter()
    sheets = n // 4
    print(f"{n} pages ({pad} blank) -> {sheets} sheets, {sheets * 2} sides")
    for i in range(sheets):
        creep = args.creep_mm * MM * i  # sheet 0 is outermost; inner sheets shift toward the spine
        sides = [(n - 1 - 2 * i, 2 * i), (2 * i + 1, n - 2 - 2 * i)]
        for side_no, (left, right) in enumerate(sides):
            if args.rtl:
                left, right = right, left
            sheet = PageObject.create_blank_page(width=sw, height=sh)
            place(sheet, pages[left], 0 + creep, 0, slot_w, sh)
            place(sheet, pages[right], slot_w + gutter - creep, 0, slot_w, sh)
            if args.marks:
                sheet.merge_page(marks_page(sw, sh, slot_w + gutter / 2))
            writer.add_page(sheet)
            label = "front" if side_no == 0 else "back "
            print(f"  sheet {i + 1:>3} {label}: {left + 1:>4} | {right + 1:<4}")
    writer.write(args.output)
    print(f"wrote {args.output}")


def nup(args: argparse.Namespace) -> None:
    reader = open_pdf(args.src, args.password)
    pages = normalised_pages(reader, args.use_mediabox)
    cols, rows = {2: (2, 1), 4: (2, 2), 8: (4, 2)}[args.per_sheet]
    first = pages[0]
    pw, ph = float(first.mediabox.width), float(first.mediabox.height)
    if args.sheet:
        sw, sh = SHEETS[args.sheet]
        if cols > rows:
            sw, sh = max(sw, sh), min(sw, sh)
    else:
        sw, sh = cols * pw, rows * ph
    cw, ch = sw / cols, sh / rows
    writer = PdfWriter()
    for start in range(0, len(pages), args.per_sheet):
        sheet = PageObject.create_blank_page(width=sw, height=sh)
        for k, page in enumerate(pages[start : start + args.per_sheet]):
            c, r = k % cols, k // cols
            place(sheet, page, c * cw, sh - (r + 1) * ch, cw, ch)
        if args.marks:
            sheet.merge_page(marks_page(sw, sh, None))
        writer.add_page(sheet)
    writer.write(args.output)
    print(f"{len(pages)} pages -> {len(writer.pages)} sheets ({args.per_sheet}-up); wrote {args.output}")


def info(args: argparse.Namespace) -> None:
    reader = open_pdf(args.src, args.password)
    sizes: dict[tuple[float, float], list[int]] = {}
    for idx, p in enumerate(reader.pages, 1):
        box = p.cropbox
        key = (round(float(box.width) / MM), round(float(box.height) / MM))
        sizes.setdefault(key, []).append(idx)
    print(f"{Path(args.src).name}: {len(reader.pages)} pages")
    for (w, h), idxs in sizes.items():
        shown = ", ".join(map(str, idxs[:10])) + (" …" if len(idxs) > 10 else "")
        print(f"  {w} x {h} mm: {len(idxs)} page(s) [{shown}]")
    if len(sizes) > 1:
        print("  warning: mixed page sizes; odd-sized pages will be scaled into their slot")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("info", "booklet", "nup"):
        sp = sub.add_parser(name)
        sp.add_argument("src")
        sp.add_argument("--password")
        sp.add_argument("--use-mediabox", action="store_true")
        if name != "info":
            sp.add_argument("-o", "--output", required=True)
            sp.add_argument("--sheet", choices=sorted(SHEETS))
            sp.add_argument("--marks", action="store_true")
        if name == "booklet":
            sp.add_argument("--creep-mm", type=float, default=0.0)
            sp.add_argument("--gutter-mm", type=float, default=0.0)
            sp.add_argument("--pad-before-last", action="store_true")
            sp.add_argument("--rtl", action="store_true")
        if name == "nup":
            sp.add_argument("--per-sheet", type=int, choices=(2, 4, 8), default=2)
    args = ap.parse_args()
    {"info": info, "booklet": booklet, "nup": nup}[args.cmd](args)


if __name__ == "__main__":
    main()
