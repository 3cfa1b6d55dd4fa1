#!/usr/bin/env python3
"""List, fill and batch-fill AcroForm PDF fields with pypdf."""
import argparse
import csv
import json
import os
import re
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject


def open_reader(path):
    r = PdfReader(path)
    if r.is_encrypted:
        r.decrypt("")
    return r


def describe(path):
    r = open_reader(path)
    root = r.trailer["/Root"]
    if "/AcroForm" in root and "/XFA" in root["/AcroForm"]:
        print("warning: XFA present; AcroForm fallback will be used", file=sys.stderr)
    fields = r.get_fields() or {}
    if not fields:
        print("no fillable fields found (flat PDF?)")
        return
    where = {}
    for pno, page in enumerate(r.pages, 1):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            name = a.get("/T")
            parent = a.get("/Parent")
            full = name
            while parent is not None:
                p = parent.get_object()
                if p.get("/T"):
                    full = f"{p['/T']}.{full}" if full else p["/T"]
                parent = p.get("/Parent")
            if full:
                rect = [round(float(x)) for x in a.get("/Rect", [0, 0, 0, 0])]
                states = list(a["/AP"]["/N"].keys()) if "/AP" in a and "/N" in a["/AP"] and hasattr(a["/AP"]["/N"], "keys") else []
                where.setdefault(str(full), (pno, rect, states))
    for name, f in fields.items():
        ftype = f.get("/FT", "?")
        pno, rect, states = where.get(name, ("?", [], []))
        extra = ""
        if ftype == "/Btn" and states:
            extra = f" states={[s for s in states]}"
        if ftype == "/Ch":
            extra = f" options={f.get('/Opt')}"
        print(f"p{pno} {rect} {ftype} {name!r} = {f.get('/V')!r}{extra}")


def button_on_states(reader):
    """Map checkbox field name -> its 'on' appearance state (not always /Yes)."""
    states = {}
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            holder = a if "/T" in a else a.get("/Parent", {}).get_object() if a.get("/Parent") else a
            name = holder.get("/T")
            ap = a.get("/AP", {}).get("/N", {})
            for k in getattr(ap, "keys", lambda: [])():
                if k != "/Off" and name is not None:
                    states.setdefault(str(name), k)
    return states


TRUE = (True, "true", "yes", "1", 1, "X", "x", "on")


def fill(template, values, out, flatten=False):
    r = open_reader(template)
    fields = r.get_fields() or {}
    known = set(fields)
    for k in values:
        if k not in known:
            print(f"unknown field: {k}", file=sys.stderr)

    on_states = button_on_states(r)
    resolved = {}
    for k, v in values.items():
        if k not in known:
            continue
        if fields[k].get("/FT") == "/Btn":
            if isinstance(v, str) and v.startswith("/"):
                resolved[k] = v                       # radio export value, e.g. "/2"
            else:
                short = k.rsplit(".", 1)[-1]
                resolved[k] = on_states.get(short, "/Yes") if v in TRUE else "/Off"
        else:
            resolved[k] = "" if v is None else str(v)

    w = PdfWriter(clone_from=r)
    w.update_page_form_field_values(None, resolved, auto_regenerate=False, flatten=flatten)
    w.set_need_appearances_writer(not flatten)
    if flatten:
        # appearance streams are now page content; drop the interactive widgets and the form
        for page in w.pages:
            if "/Annots" in page:
                kept = ArrayObject(a for a in page["/Annots"] if a.get_object().get("/Subtype") != "/Widget")
                if kept:
                    page[NameObject("/Annots")] = kept
                else:
                    del page["/Annots"]
        if "/AcroForm" in w._root_object:
            del w._root_object["/AcroForm"]

    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "wb") as f:
        w.write(f)

    empty = [k for k in known if k not in values and re.search(r"name|tin|ssn|date|signature", k, re.I)]
    if empty:
        print(f"not filled (check if required): {', '.join(sorted(empty)[:10])}", file=sys.stderr)
    print(f"wrote {out}")


def coerce(v):
    if isinstance(v, str) and v.lower() in ("true", "false"):
        return v.lower() == "true"
    return v


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("fields"); s.add_argument("pdf")
    f = sub.add_parser("fill"); f.add_argument("pdf"); f.add_argument("data")
    f.add_argument("-o", "--out", required=True); f.add_argument("--flatten", action="store_true")
    b = sub.add_parser("batch"); b.add_argument("pdf"); b.add_argument("csv")
    b.add_argument("--map"); b.add_argument("--name-column"); b.add_argument("-o", "--out", required=True)
    b.add_argument("--flatten", action="store_true")
    a = ap.parse_args()

    if a.cmd == "fields":
        describe(a.pdf)
    elif a.cmd == "fill":
        with open(a.data) as fh:
            values = json.load(fh)
        fill(a.pdf, values, a.out, a.flatten)
    else:
        mapping = json.load(open(a.map)) if a.map else None
        with open(a.csv, newline="", encoding="utf-8-sig") as fh:
            for i, row in enumerate(csv.DictReader(fh), 1):
                vals = {(mapping.get(k, k) if mapping else k): coerce(v) for k, v in row.items()
                        if not mapping or k in mapping}
                stem = re.sub(r"[^\w-]+", "_", row.get(a.name_column, "") if a.name_column else "") or f"row{i:03d}"
                fill(a.pdf, vals, os.path.join(a.out, f"{stem}.pdf"), a.flatten)


if __name__ == "__main__":
    main()
