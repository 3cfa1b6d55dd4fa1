#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON mapping of field_id -> value."""
import json
import sys

from pypdf import PdfReader, PdfWriter


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: fill_fillable_fields.py form.pdf values.json out.pdf")
    src, values_path, dst = sys.argv[1:]
    with open(values_path) as fh:
        values = json.load(fh)

    reader = PdfReader(src)
    known = set((reader.get_fields() or {}).keys())
    unknown = [k for k in values if k not in known]
    if unknown:
        sys.exit("unknown field ids (check fields.json): " + ", ".join(unknown))

    writer = PdfWriter()
    writer.append(reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"filled {len(values)} fields -> {dst}")


if __name__ == "__main__":
    main()
