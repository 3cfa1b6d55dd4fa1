#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON file produced by extract_fields.py.

Usage: fill_fields.py <form.pdf> <fields.json> <output.pdf>
Fields whose "value" is null are left untouched.
"""
import json
import sys

from pypdf import PdfReader, PdfWriter


def main() -> int:
    src, spec, dst = sys.argv[1:4]
    fields = json.load(open(spec, encoding="utf-8"))
    reader = PdfReader(src)
    writer = PdfWriter()
    writer.append(reader)

    by_page: dict[int, dict[str, str]] = {}
    for f in fields:
        if f.get("value") is None:
            continue
        by_page.setdefault(f["page"], {})[f["name"]] = f["value"]

    known = {f["name"] for f in fields}
    for page_no, values in by_page.items():
        unknown = set(values) - known
        if unknown:
            raise SystemExit(f"unknown field names: {sorted(unknown)}")
        writer.update_page_form_field_values(writer.pages[page_no - 1], values, auto_regenerate=False)

    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"wrote {dst} ({sum(len(v) for v in by_page.values())} fields filled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
