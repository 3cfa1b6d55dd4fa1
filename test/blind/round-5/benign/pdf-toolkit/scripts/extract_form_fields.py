#!/usr/bin/env python3
"""Dump AcroForm fields of a PDF to JSON: id, type, page, rectangle and allowed values."""
import json
import sys
from pypdf import PdfReader


def field_type(annotation) -> str:
    ft = annotation.get("/FT")
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        flags = int(annotation.get("/Ff", 0))
        return "radio_group" if flags & (1 << 15) else "checkbox"
    if ft == "/Ch":
        return "choice"
    return "unknown"


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: extract_form_fields.py FILE.pdf OUT.json", file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    out = []
    for page_no, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            parent = annot.get("/Parent")
            source = parent.get_object() if parent is not None and "/T" not in annot else annot
            name = source.get("/T")
            if name is None:
                continue
            entry = {
                "field_id": str(name),
                "type": field_type(source if "/FT" in source else annot),
                "page": page_no,
                "rect": [round(float(v), 1) for v in annot.get("/Rect", [])],
            }
            states = annot.get("/AP", {}).get("/N", {})
            if entry["type"] in ("checkbox", "radio_group") and hasattr(states, "keys"):
                on = [k for k in states.keys() if k != "/Off"]
                entry["checked_value"] = on[0] if on else "/Yes"
                entry["unchecked_value"] = "/Off"
            if entry["type"] == "choice":
                entry["options"] = [str(o) for o in source.get("/Opt", [])]
            out.append(entry)
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2)
    print(f"wrote {len(out)} field(s) to {sys.argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
