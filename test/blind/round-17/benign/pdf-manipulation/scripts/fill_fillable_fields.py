#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON file produced by extract_form_fields.py.

Usage: fill_fillable_fields.py form.pdf fields.json output.pdf
"""
import json
import sys
from collections import defaultdict
from pypdf import PdfReader, PdfWriter


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, spec, dst = sys.argv[1:]
    with open(spec, encoding="utf-8") as fh:
        fields = json.load(fh)
    known = set((PdfReader(src).get_fields() or {}).keys())
    by_page = defaultdict(dict)
    errors = []
    for f in fields:
        if f.get("value") is None:
            continue
        if f["field_id"] not in known:
            errors.append(f"unknown field id: {f['field_id']}")
            continue
        if f["type"] == "checkbox" and f["value"] not in (f.get("checked_value"), f.get("unchecked_value")):
            errors.append(f"checkbox {f['field_id']} must be {f.get('checked_value')} or /Off")
            continue
        by_page[f["page"]][f["field_id"]] = f["value"]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    writer = PdfWriter(clone_from=src)
    for page_no, values in by_page.items():
        writer.update_page_form_field_values(writer.pages[page_no - 1], values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as out:
        writer.write(out)
    print(f"filled {sum(len(v) for v in by_page.values())} fields -> {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
