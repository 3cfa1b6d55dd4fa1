#!/usr/bin/env python3
"""Write a JSON description of every fillable field in a PDF.

Each entry: field_id, page (1-based), rect [x0, y0, x1, y1] in PDF points, type
(text | checkbox | radio_group | choice) and, where relevant, checked_value,
unchecked_value, radio_options or choice_options.
"""
import json
import sys

from pypdf import PdfReader
from pypdf.generic import NameObject


def full_name(annot) -> str:
    parts = []
    node = annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return ".".join(reversed(parts))


def describe(reader: PdfReader) -> list:
    fields = {}
    for page_no, page in enumerate(reader.pages, 1):
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            name = full_name(annot)
            ft = annot.get("/FT") or (annot.get("/Parent") or {}).get("/FT")
            rect = [round(float(v), 2) for v in annot.get("/Rect", [0, 0, 0, 0])]
            states = list((annot.get("/AP") or {}).get("/N", {}).keys()) if "/AP" in annot else []
            if ft == "/Btn":
                on = [s for s in states if s != "/Off"]
                parent = annot.get("/Parent")
                if parent is not None and len(parent.get_object().get("/Kids", [])) > 1:
                    entry = fields.setdefault(name, {"field_id": name, "type": "radio_group", "page": page_no, "radio_options": []})
                    entry["radio_options"].append({"value": on[0] if on else None, "rect": rect})
                    continue
                fields[name] = {"field_id": name, "type": "checkbox", "page": page_no, "rect": rect,
                                "checked_value": on[0] if on else "/Yes", "unchecked_value": "/Off"}
            elif ft == "/Ch":
                opts = [o[1] if isinstance(o, list) else o for o in annot.get("/Opt", [])]
                fields[name] = {"field_id": name, "type": "choice", "page": page_no, "rect": rect, "choice_options": [str(o) for o in opts]}
            else:
                fields[name] = {"field_id": name, "type": "text", "page": page_no, "rect": rect,
                                "max_length": int(annot.get("/MaxLen", 0)) or None}
    return sorted(fields.values(), key=lambda f: (f["page"], -(f.get("rect") or [0, 0, 0, 0])[1]))


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: extract_form_field_info.py form.pdf fields.json")
    info = describe(PdfReader(sys.argv[1]))
    with open(sys.argv[2], "w") as fh:
        json.dump(info, fh, indent=2)
    print(f"wrote {len(info)} fields to {sys.argv[2]}")


if __name__ == "__main__":
    main()
