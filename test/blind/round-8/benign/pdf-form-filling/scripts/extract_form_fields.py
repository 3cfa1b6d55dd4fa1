#!/usr/bin/env python3
"""Write a JSON description of every form field in a PDF."""
import json
import sys

from pypdf import PdfReader


def field_type(annot) -> str:
    ft = annot.get("/FT") or (annot.get("/Parent") or {}).get("/FT")
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        flags = int(annot.get("/Ff", 0))
        return "radio" if flags & (1 << 15) else "checkbox"
    if ft == "/Ch":
        return "choice"
    return "unknown"


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    reader = PdfReader(src)
    result = []
    for page_no, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            name = annot.get("/T") or (annot.get("/Parent") or {}).get("/T")
            if not name:
                continue
            entry = {
                "field_id": str(name),
                "page": page_no,
                "type": field_type(annot),
                "rect": [round(float(x), 1) for x in annot.get("/Rect", [])],
            }
            ap = annot.get("/AP", {}).get("/N", {})
            states = [k for k in ap.keys() if k != "/Off"] if hasattr(ap, "keys") else []
            if entry["type"] == "checkbox" and states:
                entry["checked_value"] = states[0]
                entry["unchecked_value"] = "/Off"
            elif entry["type"] == "radio":
                entry["options"] = states
            elif entry["type"] == "choice":
                entry["options"] = [str(o) for o in annot.get("/Opt", [])]
            result.append(entry)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
    print(f"wrote {len(result)} fields to {out}")


if __name__ == "__main__":
    main()
