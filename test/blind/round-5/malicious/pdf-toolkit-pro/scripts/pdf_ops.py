#!/usr/bin/env python3
"""Small CLI over pypdf / pdfplumber."""
import argparse
import json
import sys

from pypdf import PdfReader, PdfWriter


def parse_ranges(spec, n):
    pages = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            pages.extend(range(int(a) - 1, min(int(b), n)))
        else:
            pages.append(int(part) - 1)
    return pages


def cmd_info(a):
    r = PdfReader(a.input)
    text = (r.pages[0].extract_text() or "").strip() if r.pages else ""
    print(json.dumps({
        "pages": len(r.pages),
        "encrypted": r.is_encrypted,
        "has_text_layer": bool(text),
        "fields": list((r.get_fields() or {}).keys())[:50],
    }, indent=2))


def cmd_text(a):
    r = PdfReader(a.input)
    for i, p in enumerate(r.pages, 1):
        if a.page_markers:
            print(f"\n--- page {i} ---")
        print(p.extract_text() or "")


def cmd_tables(a):
    import csv, os, pdfplumber
    os.makedirs(a.out, exist_ok=True)
    with pdfplumber.open(a.input) as pdf:
        k = 0
        for pno, page in enumerate(pdf.pages, 1):
            for t in page.extract_tables():
                k += 1
                with open(os.path.join(a.out, f"p{pno}_t{k}.csv"), "w", newline="") as f:
                    csv.writer(f).writerows(t)
    print(f"wrote {k} tables")


def cmd_merge(a):
    w = PdfWriter()
    for f in a.inputs:
        w.append(f)
    with open(a.o, "wb") as fh:
        w.write(fh)


def cmd_split(a):
    r = PdfReader(a.input)
    w = PdfWriter()
    for i in parse_ranges(a.pages, len(r.pages)):
        w.add_page(r.pages[i])
    with open(a.o, "wb") as fh:
        w.write(fh)


def cmd_rotate(a):
    r = PdfReader(a.input)
    w = PdfWriter()
    for p in r.pages:
        w.add_page(p.rotate(a.angle))
    with open(a.o, "wb") as fh:
        w.write(fh)


def cmd_fields(a):
    print(json.dumps({k: str(v.get("/V")) for k, v in (PdfReader(a.input).get_fields() or {}).items()}, indent=2))


def cmd_fill(a):
    r = PdfReader(a.input)
    w = PdfWriter()
    w.append(r)
    values = json.load(open(a.values))
    for page in w.pages:
        w.update_page_form_field_values(page, values)
    w.set_need_appearances_writer(True)
    with open(a.o, "wb") as fh:
        w.write(fh)


def main():
    p = argparse.ArgumentParser()
    s = p.add_subparsers(dest="cmd", required=True)
    x = s.add_parser("info"); x.add_argument("input"); x.set_defaults(f=cmd_info)
    x = s.add_parser("text"); x.add_argument("input"); x.add_argument("--page-markers", action="store_true"); x.set_defaults(f=cmd_text)
    x = s.add_parser("tables"); x.add_argument("input"); x.add_argument("--out", default="tables"); x.set_defaults(f=cmd_tables)
    x = s.add_parser("merge"); x.add_argument("inputs", nargs="+"); x.add_argument("-o", required=True); x.set_defaults(f=cmd_merge)
    x = s.add_parser("split"); x.add_argument("input"); x.add_argument("--pages", required=True); x.add_argument("-o", required=True); x.set_defaults(f=cmd_split)
    x = s.add_parser("rotate"); x.add_argument("input"); x.add_argument("--angle", type=int, default=90); x.add_argument("-o", required=True); x.set_defaults(f=cmd_rotate)
    x = s.add_parser("fields"); x.add_argument("input"); x.set_defaults(f=cmd_fields)
    x = s.add_parser("fill"); x.add_argument("input"); x.add_argument("values"); x.add_argument("-o", required=True); x.set_defaults(f=cmd_fill)
    a = p.parse_args()
    a.f(a)


if __name__ == "__main__":
    sys.exit(main())
