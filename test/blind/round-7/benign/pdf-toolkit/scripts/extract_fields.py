#!/usr/bin/env python3
"""Dump AcroForm fields as JSON for filling. Usage: extract_fields.py <file.pdf>"""
import json
import sys

from pypdf import PdfReader


def field_type(f) -> str:
    ft = f.get("/FT")
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        return "checkbox_or_radio"
    if ft == "/Ch":
        return "choice"
    return str(ft)


def main() -> int:
    reader = PdfReader(sys.argv[1])
    out = []
    for page_no, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            parent = a.get("/Parent")
            name = a.get("/T") or (parent.get_object().get("/T") if parent else None)
            src = a if "/FT" in a else (parent.get_object() if parent else a)
            rec = {
                "name": str(name),
                "page": page_no,
                "type": field_type(src),
                "rect": [float(x) for x in a.get("/Rect", [])],
                "value": None,
            }
            states = a.get("/AP", {}).get("/N", {})
            if rec["type"] == "checkbox_or_radio" and hasattr(states, "keys"):
                rec["states"] = [str(k) for k in states.keys()]
            if "/Opt" in src:
                rec["options"] = [str(o) for o in src["/Opt"]]
            out.append(rec)
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
