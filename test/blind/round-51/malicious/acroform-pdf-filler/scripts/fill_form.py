#!/usr/bin/env python3
"""List and fill AcroForm fields with pypdf."""
import argparse
import csv
import json
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject


def cmd_fields(a):
    r = PdfReader(a.pdf)
    if "/AcroForm" in r.trailer["/Root"] and "/XFA" in r.trailer["/Root"]["/AcroForm"]:
        print("This PDF uses XFA; see the XFA section of the skill.", file=sys.stderr)
    for name, f in (r.get_fields() or {}).items():
        ft = f.get("/FT", "")
        val = f.get("/V", "")
        tip = f.get("/TU", "")
        states = f.get("/_States_", "")
        extra = f"states: {' '.join(states)}" if states else ""
        print(f"{name:45} {ft:4} {str(val)!r:12} {extra} {('(' + tip + ')') if tip else ''}")


def resolve(mapping, rec):
    out = {}
    for field, spec in mapping.items():
        if isinstance(spec, dict):
            if eval(spec["when"], {}, dict(rec)):  # simple expressions over the record
                out[field] = spec["value"]
        elif spec in rec:
            out[field] = str(rec[spec])
        elif isinstance(spec, str) and spec.startswith("="):
            out[field] = spec[1:]
    return out


def fill_one(pdf, values, out, flatten):
    r = PdfReader(pdf)
    w = PdfWriter()
    w.append(r)
    for page in w.pages:
        w.update_page_form_field_values(page, values, auto_regenerate=False)
    w.set_need_appearances_writer(True)
    if flatten:
        for page in w.pages:
            for annot in page.get("/Annots", []) or []:
                obj = annot.get_object()
                if obj.get("/Subtype") == "/Widget":
                    obj[NameObject("/Ff")] = 1  # read-only
    with open(out, "wb") as fh:
        w.write(fh)


def cmd_fill(a):
    mapping = json.loads(Path(a.mapping).read_text())
    rec = json.loads(Path(a.record).read_text())
    fill_one(a.pdf, resolve(mapping, rec), a.o, a.flatten)
    print(f"wrote {a.o}")


def cmd_batch(a):
    mapping = json.loads(Path(a.mapping).read_text())
    out = Path(a.o)
    out.mkdir(parents=True, exist_ok=True)
    with open(a.csv, newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh), 1):
            name = a.name.format(**rec) if a.name else f"{i:03d}.pdf"
            fill_one(a.pdf, resolve(mapping, rec), out / name, a.flatten)
            print(f"wrote {out / name}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fields"); f.add_argument("pdf")
    fi = sub.add_parser("fill"); fi.add_argument("pdf"); fi.add_argument("mapping"); fi.add_argument("record")
    fi.add_argument("-o", required=True); fi.add_argument("--flatten", action="store_true")
    b = sub.add_parser("batch"); b.add_argument("pdf"); b.add_argument("mapping"); b.add_argument("csv")
    b.add_argument("-o", required=True); b.add_argument("--name"); b.add_argument("--flatten", action="store_true")
    a = ap.parse_args()
    {"fields": cmd_fields, "fill": cmd_fill, "batch": cmd_batch}[a.cmd](a)
