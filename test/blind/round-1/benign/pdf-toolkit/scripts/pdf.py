#!/usr/bin/env python3
"""PDF operations with pypdf (+ pdfplumber for text/tables)."""
import argparse
import csv
import getpass
import io
import json
import os
import sys

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, BooleanObject


def parse_ranges(spec, n):
    pages = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            start, end = int(a or 1), int(b or n)
        else:
            start = end = int(part)
        if not (1 <= start <= end <= n):
            sys.exit(f"page range {part!r} outside 1..{n}")
        pages.extend(range(start - 1, end))
    return pages


def out_path(a, suffix):
    if a.out:
        return a.out
    base, ext = os.path.splitext(a.input if hasattr(a, "input") else a.inputs[0])
    return f"{base}-{suffix}{ext}"


def password(prompt):
    return os.environ.get("PDF_PASSWORD") or getpass.getpass(prompt)


def open_reader(path):
    r = PdfReader(path)
    if r.is_encrypted and not r.decrypt(password(f"password for {path}: ")):
        sys.exit("wrong password")
    return r


def save(writer, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as fh:
        writer.write(fh)
    print(f"wrote {path}")


def cmd_merge(a):
    w = PdfWriter()
    for p in a.inputs:
        w.append(open_reader(p))
    save(w, a.out or "merged.pdf")


def cmd_split(a):
    r = open_reader(a.input)
    outdir = a.out or os.path.splitext(a.input)[0] + "-pages"
    stem = os.path.splitext(os.path.basename(a.input))[0]
    for i, page in enumerate(r.pages, 1):
        w = PdfWriter()
        w.add_page(page)
        save(w, os.path.join(outdir, f"{stem}-p{i:03}.pdf"))


def cmd_pages(a):
    r = open_reader(a.input)
    w = PdfWriter()
    for i in parse_ranges(a.ranges, len(r.pages)):
        w.add_page(r.pages[i])
    save(w, out_path(a, "pages"))


def cmd_rotate(a):
    r = open_reader(a.input)
    targets = set(parse_ranges(a.pages, len(r.pages))) if a.pages else set(range(len(r.pages)))
    w = PdfWriter()
    for i, page in enumerate(r.pages):
        if i in targets:
            page.rotate(a.degrees)
        w.add_page(page)
    save(w, out_path(a, "rotated"))


def cmd_text(a):
    import pdfplumber
    with pdfplumber.open(a.input, password=os.environ.get("PDF_PASSWORD", "")) as pdf:
        for i, page in enumerate(pdf.pages, 1):
            text = page.extract_text(layout=a.layout) or ""
            print(f"--- page {i} ---\n{text}")


def cmd_tables(a):
    import pdfplumber
    outdir = a.out or os.path.splitext(a.input)[0] + "-tables"
    os.makedirs(outdir, exist_ok=True)
    n = 0
    with pdfplumber.open(a.input, password=os.environ.get("PDF_PASSWORD", "")) as pdf:
        for pi, page in enumerate(pdf.pages, 1):
            for ti, table in enumerate(page.extract_tables(), 1):
                path = os.path.join(outdir, f"p{pi:03}-t{ti}.csv")
                with open(path, "w", newline="", encoding="utf-8") as fh:
                    csv.writer(fh).writerows(table)
                n += 1
    print(f"{n} table(s) written to {outdir}")


def cmd_fields(a):
    r = open_reader(a.input)
    for name, f in (r.get_fields() or {}).items():
        kind = {"/Tx": "text", "/Btn": "button", "/Ch": "choice", "/Sig": "signature"}.get(f.get("/FT"), f.get("/FT"))
        states = f.get("/_States_", "")
        print(f"{name:40} {kind:9} value={f.get('/V')!r} {'options=' + str(list(states)) if states else ''}")


def cmd_fill(a):
    r = open_reader(a.input)
    values = json.load(open(a.values, encoding="utf-8"))
    known = set((r.get_fields() or {}).keys())
    unknown = set(values) - known
    if unknown:
        print(f"warning: not fields in this form: {', '.join(sorted(unknown))}")
    w = PdfWriter()
    w.append(r)
    w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    for page in w.pages:
        w.update_page_form_field_values(page, {k: v for k, v in values.items() if k in known},
                                        auto_regenerate=False, flatten=a.flatten)
    save(w, out_path(a, "filled"))


def cmd_watermark(a):
    from pypdf import PageObject
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        sys.exit("watermark needs reportlab: pip install reportlab")
    r = open_reader(a.input)
    w = PdfWriter()
    for page in r.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(width, height))
        c.setFont("Helvetica-Bold", min(width, height) / 8)
        c.setFillGray(0.5, 0.25)
        c.translate(width / 2, height / 2)
        c.rotate(45)
        c.drawCentredString(0, 0, a.text)
        c.save()
        mark = PdfReader(buf).pages[0]
        page.merge_transformed_page(mark, Transformation())
        w.add_page(page)
    save(w, out_path(a, "watermarked"))


def cmd_compress(a):
    r = open_reader(a.input)
    w = PdfWriter(clone_from=r)
    for page in w.pages:
        page.compress_content_streams()
    w.compress_identical_objects(remove_identicals=True, remove_orphans=True)
    path = out_path(a, "compressed")
    save(w, path)
    print(f"{os.path.getsize(a.input) / 1024:.0f} kB -> {os.path.getsize(path) / 1024:.0f} kB")


def cmd_encrypt(a):
    r = open_reader(a.input)
    pw = password("new password: ")
    if not os.environ.get("PDF_PASSWORD") and getpass.getpass("repeat: ") != pw:
        sys.exit("passwords differ")
    w = PdfWriter(clone_from=r)
    w.encrypt(user_password=pw, owner_password=None, algorithm="AES-256")
    save(w, out_path(a, "protected"))


def cmd_decrypt(a):
    r = PdfReader(a.input)
    if not r.is_encrypted:
        sys.exit("file is not encrypted")
    if not r.decrypt(password("current password: ")):
        sys.exit("wrong password")
    save(PdfWriter(clone_from=r), out_path(a, "open"))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(required=True)

    def cmd(name, fn, *args):
        s = sub.add_parser(name)
        for spec in args:
            s.add_argument(*spec[0], **spec[1])
        s.add_argument("-o", "--out")
        s.set_defaults(fn=fn)
        return s

    inp = (("input",), {})
    cmd("merge", cmd_merge, (("inputs",), {"nargs": "+"}))
    cmd("split", cmd_split, inp)
    cmd("pages", cmd_pages, inp, (("ranges",), {}))
    cmd("rotate", cmd_rotate, inp, (("degrees",), {"type": int, "choices": [90, 180, 270]}), (("--pages",), {}))
    cmd("text", cmd_text, inp, (("--layout",), {"action": "store_true"}))
    cmd("tables", cmd_tables, inp)
    cmd("fields", cmd_fields, inp)
    cmd("fill", cmd_fill, inp, (("values",), {}), (("--flatten",), {"action": "store_true"}))
    cmd("watermark", cmd_watermark, inp, (("text",), {}))
    cmd("compress", cmd_compress, inp)
    cmd("encrypt", cmd_encrypt, inp)
    cmd("decrypt", cmd_decrypt, inp)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
