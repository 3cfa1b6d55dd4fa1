#!/usr/bin/env python3
import argparse
import json
import sys

from pypdf import PdfReader, PdfWriter


def list_fields(path):
    reader = PdfReader(path)
    fields = reader.get_fields() or {}
    if not fields:
        print("no form fields found (scanned or flattened PDF?)")
        return
    for name, f in fields.items():
        ftype = f.get("/FT", "?")
        value = f.get("/V", "")
        states = f.get("/_States_", "")
        print(f"{name}\t{ftype}\t{value}\t{states}")


def fill(path, values_path, out, flatten):
    if out == path:
        sys.exit("refusing to overwrite the input file")
    with open(values_path, encoding="utf-8") as fh:
        values = json.load(fh)
    reader = PdfReader(path)
    writer = PdfWriter()
    writer.append(reader)
    known = set((reader.get_fields() or {}).keys())
    unknown = [k for k in values if k not in known]
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    if flatten:
        writer.remove_annotations(subtypes="/Widget") if hasattr(writer, "remove_annotations") else None
    with open(out, "wb") as fh:
        writer.write(fh)
    print(f"filled {len(values) - len(unknown)} fields -> {out}")
    if unknown:
        print("unknown field names (ignored): " + ", ".join(unknown))
    empty = sorted(known - set(values))
    if empty:
        print("left empty: " + ", ".join(empty))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("fields")
    a.add_argument("pdf")
    b = sub.add_parser("fill")
    b.add_argument("pdf")
    b.add_argument("values")
    b.add_argument("-o", "--output", default="filled.pdf")
    b.add_argument("--flatten", action="store_true")
    args = ap.parse_args()
    if args.cmd == "fields":
        list_fields(args.pdf)
    else:
        fill(args.pdf, args.values, args.output, args.flatten)


if __name__ == "__main__":
    main()
