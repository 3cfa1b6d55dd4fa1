#!/usr/bin/env python3
"""PDF utilities: info, merge, split, pages, rotate, text, tables, fields, fill, number, watermark, encrypt, decrypt."""
from __future__ import annotations

import argparse
import csv
import getpass
import io
import json
import os
import sys

try:
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject, BooleanObject
except ImportError:
    sys.exit("pypdf is required: python3 -m pip install pypdf")


def parse_ranges(spec: str, n: int) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            lo, hi = int(a or 1), int(b or n)
        else:
            lo = hi = int(part)
        if not (1 <= lo <= hi <= n):
            raise SystemExit(f"page range {part} outside 1-{n}")
        out.extend(range(lo - 1, hi))
    return out


def open_reader(path: str) -> PdfReader:
    r = PdfReader(path)
    if r.is_encrypted:
        if r.decrypt("") == 0:
            r.decrypt(getpass.getpass(f"Password for {os.path.basename(path)}: "))
    return r


def cmd_info(a):
    r = PdfReader(a.input)
    print(f"pages: {len(r.pages)}  encrypted: {r.is_encrypted}")
    if not r.is_encrypted:
        box = r.pages[0].mediabox
        print(f"page 1 size: {float(box.width):.0f} x {float(box.height):.0f} pt")
        for k, v in (r.metadata or {}).items():
            print(f"{k}: {v}")
        print(f"form fields: {len(r.get_fields() or {})}")


def cmd_merge(a):
    w = PdfWriter()
    for p in a.inputs:
        for page in open_reader(p).pages:
            w.add_page(page)
    w.write(a.output)
    print(f"wrote {a.output} ({len(w.pages)} pages)")


def cmd_split(a):
    r = open_reader(a.input)
    os.makedirs(a.outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(a.input))[0]
    for i, page in enumerate(r.pages, 1):
        w = PdfWriter()
        w.add_page(page)
        w.write(os.path.join(a.outdir, f"{stem}-p{i:03}.pdf"))
    print(f"wrote {len(r.pages)} files to {a.outdir}")


def cmd_pages(a):
    r = open_reader(a.input)
    w = PdfWriter()
    for i in parse_ranges(a.ranges, len(r.pages)):
        w.add_page(r.pages[i])
    w.write(a.output)
    print(f"wrote {a.output} ({len(w.pages)} pages)")


def cmd_rotate(a):
    r = open_reader(a.input)
    sel = set(parse_ranges(a.pages, len(r.pages))) if a.pages else set(range(len(r.pages)))
    w = PdfWriter()
    for i, page in enumerate(r.pages):
        if i in sel:
            page.rotate(a.degrees)
        w.add_page(page)
    w.write(a.output)
    print(f"wrote {a.output}")


def cmd_text(a):
    r = open_reader(a.input)
    for i, page in enumerate(r.pages, 1):
        print(f"\n===== page {i} =====\n{page.extract_text() or ''}")


def cmd_tables(a):
    import pdfplumber
    os.makedirs(a.outdir, exist_ok=True)
    settings = {"vertical_strategy": a.strategy, "horizontal_strategy": a.strategy}
    n = 0
    with pdfplumber.open(a.input) as pdf:
        for pi, page in enumerate(pdf.pages, 1):
            for ti, table in enumerate(page.extract_tables(settings), 1):
                n += 1
                path = os.path.join(a.outdir, f"p{pi:03}-t{ti}.csv")
                with open(path, "w", newline="", encoding="utf-8") as fh:
                    csv.writer(fh).writerows(table)
    print(f"wrote {n} table(s) to {a.outdir}")


def cmd_fields(a):
    r = open_reader(a.input)
    for name, f in (r.get_fields() or {}).items():
        states = f.get("/_States_", "")
        print(f"{name}\t{f.get('/FT')}\tvalue={f.get('/V')!r}" + (f"\toptions={list(states)}" if states else ""))


def cmd_fill(a):
    r = open_reader(a.input)
    values = json.load(open(a.values, encoding="utf-8"))
    known = set((r.get_fields() or {}).keys())
    unknown = [k for k in values if k not in known]
    if unknown:
        print(f"warning: not in form: {unknown}", file=sys.stderr)
    w = PdfWriter()
    w.append(r)
    for page in w.pages:
        w.update_page_form_field_values(page, {k: v for k, v in values.items() if k in known}, auto_regenerate=False)
    w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    w.write(a.output)
    print(f"wrote {a.output}")


def _overlay_text(text: str, width: float, height: float):
    from reportlab.pdfgen import canvas  # optional dependency for numbering
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height))
    c.setFont("Helvetica", 9)
    c.drawCentredString(width / 2, 18, text)
    c.save()
    buf.seek(0)
    return PdfReader(buf).pages[0]


def cmd_number(a):
    r = open_reader(a.input)
    w = PdfWriter()
    n = len(r.pages)
    for i, page in enumerate(r.pages, 1):
        box = page.mediabox
        page.merge_page(_overlay_text(f"{i} / {n}", float(box.width), float(box.height)))
        w.add_page(page)
    w.write(a.output)
    print(f"wrote {a.output}")


def cmd_watermark(a):
    r = open_reader(a.input)
    stamp = PdfReader(a.stamp).pages[0]
    w = PdfWriter()
    for page in r.pages:
        page.merge_transformed_page(stamp, Transformation())
        w.add_page(page)
    w.write(a.output)
    print(f"wrote {a.output}")


def cmd_encrypt(a):
    pw = getpass.getpass("New password: ")
    if pw != getpass.getpass("Repeat: ") or not pw:
        sys.exit("passwords differ or empty")
    w = PdfWriter(clone_from=open_reader(a.input))
    w.encrypt(user_password=pw, owner_password=None, algorithm="AES-256")
    w.write(a.output)
    print(f"wrote {a.output} (AES-256)")


def cmd_decrypt(a):
    r = PdfReader(a.input)
    if not r.is_encrypted:
        sys.exit("not encrypted")
    if r.decrypt(getpass.getpass("Password: ")) == 0:
        sys.exit("wrong password")
    w = PdfWriter(clone_from=r)
    w.write(a.output)
    print(f"wrote {a.output} (no password)")


def main():
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest="cmd", required=True)
    p = sp.add_parser("info"); p.add_argument("input"); p.set_defaults(fn=cmd_info)
    p = sp.add_parser("merge"); p.add_argument("output"); p.add_argument("inputs", nargs="+"); p.set_defaults(fn=cmd_merge)
    p = sp.add_parser("split"); p.add_argument("input"); p.add_argument("outdir"); p.set_defaults(fn=cmd_split)
    p = sp.add_parser("pages"); p.add_argument("input"); p.add_argument("output"); p.add_argument("ranges"); p.set_defaults(fn=cmd_pages)
    p = sp.add_parser("rotate"); p.add_argument("input"); p.add_argument("output"); p.add_argument("degrees", type=int, choices=[90, 180, 270]); p.add_argument("--pages"); p.set_defaults(fn=cmd_rotate)
    p = sp.add_parser("text"); p.add_argument("input"); p.set_defaults(fn=cmd_text)
    p = sp.add_parser("tables"); p.add_argument("input"); p.add_argument("outdir"); p.add_argument("--strategy", default="lines", choices=["lines", "text"]); p.set_defaults(fn=cmd_tables)
    p = sp.add_parser("fields"); p.add_argument("input"); p.set_defaults(fn=cmd_fields)
    p = sp.add_parser("fill"); p.add_argument("input"); p.add_argument("values"); p.add_argument("output"); p.set_defaults(fn=cmd_fill)
    p = sp.add_parser("number"); p.add_argument("input"); p.add_argument("output"); p.set_defaults(fn=cmd_number)
    p = sp.add_parser("watermark"); p.add_argument("input"); p.add_argument("stamp"); p.add_argument("output"); p.set_defaults(fn=cmd_watermark)
    p = sp.add_parser("encrypt"); p.add_argument("input"); p.add_argument("output"); p.set_defaults(fn=cmd_encrypt)
    p = sp.add_parser("decrypt"); p.add_argument("input"); p.add_argument("output"); p.set_defaults(fn=cmd_decrypt)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
