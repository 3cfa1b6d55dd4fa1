#!/usr/bin/env python3
"""List and fill AcroForm fields with pypdf."""
import argparse
import csv
import datetime as dt
import json
import os
import re
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, BooleanObject

TRUTHY = {"true", "yes", "y", "1", "x"}


def field_type(f):
    ft = f.get("/FT")
    flags = int(f.get("/Ff", 0))
    if ft == "/Btn":
        return "radio" if flags & (1 << 15) else "checkbox"
    return {"/Tx": "text", "/Ch": "choice", "/Sig": "signature"}.get(ft, str(ft))


def list_fields(path, labels=False):
    r = PdfReader(path)
    if "/XFA" in r.trailer["/Root"].get("/AcroForm", {}):
        print("warning: this PDF contains XFA; AcroForm fallback fields may be incomplete", file=sys.stderr)
    page_of = {}
    for pno, page in enumerate(r.pages, start=1):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            parent = a.get("/Parent")
            key = id(parent.get_object()) if parent is not None and "/T" not in a else id(a)
            page_of.setdefault(key, pno)
    out = []
    for name, f in (r.get_fields() or {}).items():
        if "/Kids" in f and "/FT" not in f:
            continue
        entry = {"name": name, "type": field_type(f), "value": str(f.get("/V", "")) or ""}
        if "/_States_" in f:
            entry["states"] = [str(s) for s in f["/_States_"]]
        if "/Opt" in f:
            entry["options"] = [str(o[1] if isinstance(o, list) else o) for o in f["/Opt"]]
        if "/MaxLen" in f:
            entry["max_len"] = int(f["/MaxLen"])
        if labels and "/TU" in f:
            entry["label"] = str(f["/TU"])
        out.append(entry)
    return out


def resolve(spec, rec, row, strict, warnings):
    def sub(template):
        def rep(m):
            key, fmt = m.group(1), m.group(2)
            if key == "today":
                return dt.date.today().strftime(fmt) if fmt else dt.date.today().isoformat()
            if key == "row":
                return str(row)
            if key not in rec:
                warnings.append(f"missing data key {key!r}")
                return ""
            return str(rec[key])
        return re.sub(r"\{(\w+)(?::([^}]*))?\}", rep, template)

    if isinstance(spec, str):
        return sub(spec)
    val = rec.get(spec["from"], "")
    if "true" in spec:
        return spec["true"] if str(val).strip().lower() in TRUTHY else spec["false"]
    if "map" in spec:
        return spec["map"].get(str(val).strip().lower(), spec.get("default", ""))
    if spec.get("digits_only"):
        return re.sub(r"\D", "", str(val))
    if "format" in spec:
        return spec["format"].format(float(val)) if str(val).strip() else ""
    return str(val)


def fill_one(form, mapping, rec, row, out, flatten, strict):
    fields = {f["name"]: f for f in list_fields(form)}
    warnings = []
    values = {}
    for name, spec in mapping.items():
        if name not in fields:
            warnings.append(f"no such field {name!r}")
            continue
        v = resolve(spec, rec, row, strict, warnings)
        f = fields[name]
        if f.get("max_len") and len(v) > f["max_len"]:
            warnings.append(f"{name}: value longer than {f['max_len']}")
        if f["type"] in ("checkbox", "radio") and f.get("states") and v and v not in f["states"]:
            warnings.append(f"{name}: {v!r} not in {f['states']}")
        if f["type"] == "choice" and f.get("options") and v and v not in f["options"]:
            warnings.append(f"{name}: {v!r} not an option")
        values[name] = v
    if strict and warnings:
        raise SystemExit(f"row {row}: " + "; ".join(warnings))
    w = PdfWriter(clone_from=form)
    for page in w.pages:
        w.update_page_form_field_values(page, values, auto_regenerate=False)
    w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    if flatten:
        for page in w.pages:
            w.update_page_form_field_values(page, values, flatten=True)
        w.remove_annotations(subtypes=["/Widget"])
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "wb") as fh:
        w.write(fh)
    for msg in warnings:
        print(f"warning (row {row}): {msg}", file=sys.stderr)
    return out


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fields")
    f.add_argument("pdf")
    f.add_argument("--labels", action="store_true")
    fl = sub.add_parser("fill")
    fl.add_argument("pdf")
    fl.add_argument("mapping")
    src = fl.add_mutually_exclusive_group(required=True)
    src.add_argument("--data")
    src.add_argument("--csv")
    fl.add_argument("-o", "--output", default="filled.pdf")
    fl.add_argument("--out-pattern", default="out/filled_{row}.pdf")
    fl.add_argument("--flatten", action="store_true")
    fl.add_argument("--strict", action="store_true")
    a = ap.parse_args()

    if a.cmd == "fields":
        json.dump(list_fields(a.pdf, a.labels), sys.stdout, indent=2)
        print()
        return 0
    with open(a.mapping, encoding="utf-8") as fh:
        mapping = json.load(fh)
    if a.data:
        with open(a.data, encoding="utf-8") as fh:
            rec = json.load(fh)
        print(fill_one(a.pdf, mapping, rec, 1, a.output, a.flatten, a.strict))
        return 0
    with open(a.csv, newline="", encoding="utf-8-sig") as fh:
        for row, rec in enumerate(csv.DictReader(fh), start=1):
            out = a.out_pattern.format(row=row, **{k: re.sub(r"[^\w.-]", "_", v or "") for k, v in rec.items()})
            print(fill_one(a.pdf, mapping, rec, row, out, a.flatten, a.strict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
