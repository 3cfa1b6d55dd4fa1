#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON list of {field_id, value}."""
import json
import sys
from pypdf import PdfReader, PdfWriter


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: fill_fillable_fields.py IN.pdf values.json OUT.pdf", file=sys.stderr)
        return 2
    src, values_path, dst = sys.argv[1:]
    if src == dst:
        print("refusing to overwrite the input file", file=sys.stderr)
        return 2
    values = {v["field_id"]: v["value"] for v in json.load(open(values_path, encoding="utf-8"))}
    reader = PdfReader(src)
    known = set((reader.get_fields() or {}).keys())
    unknown = sorted(set(values) - known)
    if unknown:
        print("unknown field ids: " + ", ".join(unknown), file=sys.stderr)
        return 1
    writer = PdfWriter()
    writer.append(reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"filled {len(values)} field(s) -> {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
