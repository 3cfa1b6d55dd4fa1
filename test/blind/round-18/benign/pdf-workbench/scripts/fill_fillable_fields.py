#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON list of {field_id, page, value}; validate first."""
import json
import sys
from collections import defaultdict

from pypdf import PdfReader, PdfWriter


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: fill_fillable_fields.py <in.pdf> <values.json> <out.pdf>", file=sys.stderr)
        return 2
    src, values_path, dst = sys.argv[1:]
    if src == dst:
        print("Refusing to overwrite the input file; choose another output path.", file=sys.stderr)
        return 2
    reader = PdfReader(src)
    known = reader.get_fields() or {}
    with open(values_path, encoding="utf-8") as fh:
        values = json.load(fh)

    errors = []
    by_page: dict[int, dict[str, str]] = defaultdict(dict)
    for item in values:
        fid, page, value = item.get("field_id"), item.get("page"), item.get("value")
        if fid not in known:
            errors.append(f"unknown field id: {fid!r}")
            continue
        states = known[fid].get("/_States_", [])
        if states and value not in states:
            errors.append(f"{fid}: {value!r} is not one of {states}")
            continue
        by_page[int(page)][fid] = value
    if errors:
        print("Not writing output; fix these first:", file=sys.stderr)
        for e in errors:
            print(f"  - {e}", file=sys.stderr)
        return 1

    writer = PdfWriter()
    writer.append(reader)
    for page_no, mapping in by_page.items():
        writer.update_page_form_field_values(writer.pages[page_no - 1], mapping,
                                             auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"Filled {sum(len(m) for m in by_page.values())} fields -> {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
