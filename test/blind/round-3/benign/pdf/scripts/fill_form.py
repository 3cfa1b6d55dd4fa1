#!/usr/bin/env python3
"""List or fill AcroForm fields in a PDF with pypdf."""
import argparse
import json
import sys

from pypdf import PdfReader, PdfWriter

TYPES = {"/Tx": "text", "/Btn": "button", "/Ch": "choice", "/Sig": "signature"}


def describe(reader: PdfReader):
    fields = reader.get_fields() or {}
    out = []
    for name, f in fields.items():
        ftype = TYPES.get(f.get("/FT"), str(f.get("/FT")))
        states = []
        if ftype == "button":
            for kid in f.get("/Kids", [f]):
                ap = kid.get_object().get("/AP", {})
                normal = ap.get("/N", {}) if ap else {}
                states += [s for s in normal.keys() if s != "/Off"]
            ftype = "radio" if f.get("/Ff", 0) & (1 << 15) else "checkbox"
        opts = [o if isinstance(o, str) else o[1] for o in f.get("/Opt", [])] if ftype == "choice" else []
        out.append({"name": name, "type": ftype, "value": f.get("/V"), "on_values": sorted(set(map(str, states))),
                    "options": [str(o) for o in opts]})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("fields")
    s.add_argument("pdf")
    s = sub.add_parser("fill")
    s.add_argument("pdf")
    s.add_argument("values_json")
    s.add_argument("out")
    s.add_argument("--flatten", action="store_true")
    a = ap.parse_args()

    reader = PdfReader(a.pdf)
    if a.cmd == "fields":
        fields = describe(reader)
        if not fields:
            print("no fillable fields (non-fillable form: use the overlay approach)")
        for f in fields:
            extra = f"  on={f['on_values']}" if f["on_values"] else ""
            extra += f"  options={f['options']}" if f["options"] else ""
            print(f"{f['type']:9} {f['name']!r:40} value={f['value']!r}{extra}")
        return 0

    with open(a.values_json, encoding="utf-8") as fh:
        values = json.load(fh)
    known = {f["name"]: f for f in describe(reader)}
    unknown = [k for k in values if k not in known]
    if unknown:
        sys.exit(f"unknown field(s): {unknown}; run `fields` to see names")
    for k, v in values.items():
        f = known[k]
        if f["type"] in ("checkbox", "radio") and v not in f["on_values"] + ["/Off"]:
            sys.exit(f"{k}: value {v!r} not one of {f['on_values'] + ['/Off']}")

    writer = PdfWriter(clone_from=reader)
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        # flatten=True (pypdf >= 4.2) draws the values into the page content so they survive
        # viewers that ignore form fields; the fields stay but no longer matter visually.
        writer.update_page_form_field_values(page, values, auto_regenerate=False, flatten=a.flatten)
    if a.flatten:
        writer.remove_annotations(subtypes="/Widget")
    writer.write(a.out)
    print(f"wrote {a.out} ({len(values)} field(s) set{', flattened' if a.flatten else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
