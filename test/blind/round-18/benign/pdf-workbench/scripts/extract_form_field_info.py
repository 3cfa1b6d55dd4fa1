#!/usr/bin/env python3
"""Dump id, page, rectangle, type and allowed values of every form field to JSON."""
import json
import sys

from pypdf import PdfReader


def field_type(annotation) -> str:
    ft = annotation.get("/FT")
    if ft is None and "/Parent" in annotation:
        ft = annotation["/Parent"].get_object().get("/FT")
    flags = int(annotation.get("/Ff", 0))
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        return "radio_group" if flags & (1 << 15) else "checkbox"
    if ft == "/Ch":
        return "choice"
    return "unknown"


def full_name(annotation) -> str:
    parts = []
    node = annotation
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: extract_form_field_info.py <in.pdf> <out.json>", file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    radios: dict[str, dict] = {}
    out: list[dict] = []
    for page_no, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            name = full_name(annot)
            kind = field_type(annot)
            rect = [round(float(v), 2) for v in annot.get("/Rect", [])]
            states = [str(k) for k in annot.get("/AP", {}).get("/N", {}).keys()]
            if kind == "radio_group":
                group = radios.setdefault(name, {"field_id": name, "page": page_no,
                                                 "type": kind, "radio_options": []})
                on = [s for s in states if s != "/Off"]
                if on:
                    group["radio_options"].append({"value": on[0], "rect": rect})
                continue
            entry = {"field_id": name, "page": page_no, "rect": rect, "type": kind}
            if kind == "checkbox":
                on = [s for s in states if s != "/Off"]
                entry["checked_value"] = on[0] if on else "/Yes"
                entry["unchecked_value"] = "/Off"
            if kind == "choice":
                entry["choice_options"] = [
                    str(o[0] if isinstance(o, list) else o) for o in annot.get("/Opt", [])
                ]
            out.append(entry)
    out.extend(radios.values())
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2)
    print(f"Wrote {len(out)} fields to {sys.argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
