#!/usr/bin/env python3
"""Write the fillable fields of a PDF to JSON with their type, page and allowed values.

Usage: extract_form_fields.py form.pdf fields.json
"""
import json
import sys
from pypdf import PdfReader

TYPES = {"/Tx": "text", "/Btn": "checkbox", "/Ch": "choice", "/Sig": "signature"}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    out = []
    for page_no, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") != "/Widget":
                continue
            parent = obj.get("/Parent")
            name = obj.get("/T") or (parent.get_object().get("/T") if parent else None)
            ftype = obj.get("/FT") or (parent.get_object().get("/FT") if parent else None)
            entry = {
                "field_id": str(name),
                "type": TYPES.get(ftype, str(ftype)),
                "page": page_no,
                "rect": [round(float(v), 1) for v in obj.get("/Rect", [])],
                "value": None,
            }
            if ftype == "/Btn":
                states = list((obj.get("/AP") or {}).get("/N", {}).keys())
                entry["checked_value"] = next((s for s in states if s != "/Off"), "/Yes")
                entry["unchecked_value"] = "/Off"
            if ftype == "/Ch":
                entry["options"] = [str(o) for o in obj.get("/Opt", [])]
            out.append(entry)
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2)
    print(f"wrote {len(out)} fields to {sys.argv[2]}; fill in each 'value' and run fill_fillable_fields.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
