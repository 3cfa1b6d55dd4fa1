#!/usr/bin/env python3
"""Fill AcroForm fields from a JSON list of {field_id, value}."""
import json
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter


def main() -> int:
    src, values_path, dst = sys.argv[1:4]
    if Path(dst).resolve() == Path(src).resolve():
        print("error: output must differ from input", file=sys.stderr)
        return 1
    reader = PdfReader(src)
    known = reader.get_fields() or {}
    values = json.loads(Path(values_path).read_text(encoding="utf-8"))

    errors = []
    by_field = {}
    for item in values:
        fid, val = item["field_id"], item["value"]
        if fid not in known:
            errors.append(f"unknown field_id: {fid}")
            continue
        f = known[fid]
        if f.get("/FT") == "/Btn":
            allowed = set(f.get("/_States_", [])) | {"/Off"}
            if len(allowed) > 1 and val not in allowed:
                errors.append(f"{fid}: '{val}' not one of {sorted(allowed)}")
                continue
        by_field[fid] = val
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1

    writer = PdfWriter()
    writer.append(reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, by_field, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"filled {len(by_field)} fields → {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
