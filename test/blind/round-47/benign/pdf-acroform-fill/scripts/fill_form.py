#!/usr/bin/env python3
"""List and fill AcroForm fields with pypdf."""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

TYPES = {"/Tx": "text", "/Btn": "button", "/Ch": "choice", "/Sig": "signature"}


def describe(reader):
    out = []
    for pno, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            f = a if "/T" in a else a.get("/Parent", a).get_object()
            parent = a.get("/Parent")
            name = f.get("/T") if "/T" in f else (parent.get_object().get("/T") if parent else None)
            full = []
            node = f
            while node is not None:
                if "/T" in node:
                    full.insert(0, str(node["/T"]))
                node = node.get("/Parent").get_object() if "/Parent" in node else None
            ft = f.get("/FT") or (parent.get_object().get("/FT") if parent else None)
            kind = TYPES.get(ft, str(ft))
            flags = int(f.get("/Ff", 0))
            if kind == "button":
                kind = "radio" if flags & (1 << 15) else "checkbox"
            states = [k for k in (a.get("/AP", {}).get("/N", {}) or {}).keys() if k != "/Off"]
            out.append({
                "name": ".".join(full) or str(name),
                "type": kind,
                "page": pno,
                "value": str(f.get("/V", "")),
                "export_values": states or None,
                "options": [str(o) for o in f.get("/Opt", [])] or None,
                "max_len": int(f["/MaxLen"]) if "/MaxLen" in f else None,
                "rect": [round(float(x)) for x in a.get("/Rect", [])],
            })
    return out


def fill_one(src, values, dst, flatten):
    reader = PdfReader(src)
    fields = {f["name"]: f for f in describe(reader)}
    unknown = [k for k in values if k not in fields]
    if unknown:
        sys.exit(f"unknown field(s): {unknown}")
    for k, v in values.items():
        ml = fields[k]["max_len"]
        if ml and len(str(v)) > ml:
            sys.exit(f"value for {k} is {len(str(v))} chars, field max is {ml}")
    writer = PdfWriter(clone_from=reader)
    writer.set_need_appearances_writer(True)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    if flatten:
        writer.remove_annotations(subtypes="/Widget") if hasattr(writer, "remove_annotations") else None
    with open(dst, "wb") as fh:
        writer.write(fh)
    if not flatten:
        got = {k: v for k, v in (PdfReader(dst).get_fields() or {}).items()}
        bad = [k for k, v in values.items() if str(got.get(k, {}).get("/V", "")).lstrip("/") != str(v).lstrip("/")]
        for k in bad:
            print(f"  mismatch: {k}", file=sys.stderr)
    print(f"wrote {dst}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fields"); f.add_argument("pdf")
    g = sub.add_parser("fill"); g.add_argument("pdf"); g.add_argument("data")
    g.add_argument("-o", "--out", required=True); g.add_argument("--flatten", action="store_true")
    g.add_argument("--name-col", default=None)
    a = ap.parse_args()
    if a.cmd == "fields":
        json.dump(describe(PdfReader(a.pdf)), sys.stdout, indent=1)
        return
    if a.data.endswith(".csv"):
        out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
        with open(a.data, newline="", encoding="utf-8-sig") as fh:
            for i, row in enumerate(csv.DictReader(fh), 1):
                label = re.sub(r"\W+", "_", row.get(a.name_col, "")) if a.name_col else ""
                vals = {k: v for k, v in row.items() if k != a.name_col and v != ""}
                fill_one(a.pdf, vals, out / f"{i:03d}_{label or 'row'}.pdf", a.flatten)
    else:
        fill_one(a.pdf, json.load(open(a.data, encoding="utf-8")), a.out, a.flatten)


if __name__ == "__main__":
    main()
