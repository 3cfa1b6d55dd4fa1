#!/usr/bin/env python3
"""List or fill AcroForm fields."""
import argparse
import json

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, BooleanObject


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--data")
    ap.add_argument("--out")
    args = ap.parse_args()

    reader = PdfReader(args.pdf)
    fields = reader.get_fields() or {}
    if args.list:
        for name, f in fields.items():
            states = f.get("/_States_", "")
            print(f"{name}\t{f.get('/FT')}\t{f.get('/V')}\t{states}")
        return

    with open(args.data, encoding="utf-8") as fh:
        values = json.load(fh)
    unknown = set(values) - set(fields)
    if unknown:
        raise SystemExit(f"unknown field(s): {', '.join(sorted(unknown))}")

    writer = PdfWriter()
    writer.append(reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    with open(args.out, "wb") as fh:
        writer.write(fh)
    print(f"filled {len(values)} field(s) -> {args.out}")


if __name__ == "__main__":
    main()
