#!/usr/bin/env python3
"""List the fields of an AcroForm PDF as JSON."""
import json
import sys

from pypdf import PdfReader
from pypdf.generic import NameObject


def field_type(f):
    ft = f.get("/FT")
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        flags = int(f.get("/Ff", 0))
        return "radio" if flags & (1 << 15) else "checkbox"
    if ft == "/Ch":
        return "choice"
    if ft == "/Sig":
        return "signature"
    return str(ft)


def main(path):
    reader = PdfReader(path)
    page_of = {}
    for i, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            parent = obj.get("/Parent")
            key = obj.get("/T") or (parent.get_object().get("/T") if parent else None)
            if key is not None:
                page_of.setdefault(str(key), i)
    out = []
    for name, f in (reader.get_fields() or {}).items():
        entry = {"name": name, "type": field_type(f), "label": str(f.get("/TU") or name.split(".")[-1]),
                 "page": page_of.get(name.split(".")[-1]), "value": f.get("/V")}
        if entry["type"] in ("checkbox", "radio"):
            states = set()
            for kid in f.get("/_States_", []) or []:
                states.add(str(kid))
            entry["states"] = sorted(states)
        if entry["type"] == "choice":
            entry["options"] = [str(o[1] if isinstance(o, list) else o) for o in f.get("/Opt", [])]
        if entry["value"] is not None:
            entry["value"] = str(entry["value"])
        out.append(entry)
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
