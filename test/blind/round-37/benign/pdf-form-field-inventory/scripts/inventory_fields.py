#!/usr/bin/env python3
"""List interactive form fields in a PDF as a table, CSV or JSON.

Read-only: the input file is opened for reading and never written.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

FF_READONLY = 1 << 0
FF_REQUIRED = 1 << 1
FF_RADIO = 1 << 15
FF_PUSHBUTTON = 1 << 16


def resolve(obj):
    return obj.get_object() if hasattr(obj, "get_object") else obj


def inherited(field: DictionaryObject, key: str):
    node = field
    while node is not None:
        if key in node:
            return resolve(node[key])
        parent = node.get("/Parent")
        node = resolve(parent) if parent is not None else None
    return None


def qualified_name(field: DictionaryObject) -> str:
    parts = []
    node = field
    while node is not None:
        t = node.get("/T")
        if t is not None:
            parts.append(str(t))
        parent = node.get("/Parent")
        node = resolve(parent) if parent is not None else None
    return ".".join(reversed(parts))


def field_type(field) -> str:
    ft = inherited(field, "/FT")
    flags = int(inherited(field, "/Ff") or 0)
    if ft == "/Tx":
        return "text"
    if ft == "/Ch":
        return "choice"
    if ft == "/Sig":
        return "signature"
    if ft == "/Btn":
        if flags & FF_PUSHBUTTON:
            return "button"
        if flags & FF_RADIO:
            return "radio"
        return "checkbox"
    return "unknown"


def clean(value):
    if value is None:
        return ""
    if isinstance(value, NameObject):
        return str(value)[1:]
    if isinstance(value, ArrayObject):
        return ";".join(clean(resolve(v)) for v in value)
    return str(value)


def widgets_of(field):
    kids = field.get("/Kids")
    if kids is None:
        return [field]
    out = []
    for k in kids:
        k = resolve(k)
        if k.get("/Subtype") == "/Widget" and "/T" not in k:
            out.append(k)
    return out or [field]


def export_values(widgets):
    vals = []
    for w in widgets:
        ap = resolve(w.get("/AP")) if w.get("/AP") is not None else None
        if ap and "/N" in ap:
            normal = resolve(ap["/N"])
            if isinstance(normal, DictionaryObject):
                for name in normal.keys():
                    if name != "/Off" and name[1:] not in vals:
                        vals.append(name[1:])
    return vals


def choice_options(field):
    opt = inherited(field, "/Opt")
    if not opt:
        return []
    out = []
    for item in opt:
        item = resolve(item)
        if isinstance(item, ArrayObject) and len(item) == 2:
            out.append({"export": str(resolve(item[0])), "display": str(resolve(item[1]))})
        else:
            out.append({"export": str(item), "display": str(item)})
    return out


def terminal_fields(reader: PdfReader):
    root = reader.trailer["/Root"]
    acro = root.get("/AcroForm")
    if acro is None:
        return [], False
    acro = resolve(acro)
    has_xfa = "/XFA" in acro
    out = []

    def walk(node):
        node = resolve(node)
        kids = node.get("/Kids")
        named_kids = [resolve(k) for k in kids or [] if "/T" in resolve(k)]
        if named_kids:
            for k in named_kids:
                walk(k)
        else:
            out.append(node)

    for f in acro.get("/Fields", []):
        walk(f)
    return out, has_xfa


def page_index(reader, widget_ids):
    mapping = {}
    for i, page in enumerate(reader.pages, start=1):
        for a in page.get("/Annots", []) or []:
            ref = getattr(a, "idnum", None)
            if ref is not None and ref in widget_ids and ref not in mapping:
                mapping[ref] = i
    return mapping


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdf")
    ap.add_argument("--csv")
    ap.add_argument("--json")
    ap.add_argument("--password", default="")
    ap.add_argument("--reading-order", action="store_true")
    ap.add_argument("--add-column", action="append", default=[])
    args = ap.parse_args(argv)

    reader = PdfReader(args.pdf)
    if reader.is_encrypted:
        if reader.decrypt(args.password) == 0:
            sys.exit("PDF is encrypted; re-run with --password supplied by the user.")

    fields, has_xfa = terminal_fields(reader)
    if has_xfa and not fields:
        sys.exit("XFA form detected with no AcroForm fields. Ask for a static/AcroForm export.")

    # map widget object numbers -> page numbers
    widget_refs = {}
    for f in fields:
        kids = f.get("/Kids")
        if kids:
            widget_refs[id(f)] = [getattr(k, "idnum", None) for k in kids]
        else:
            widget_refs[id(f)] = [getattr(f, "indirect_reference", None) and f.indirect_reference.idnum]
    all_ids = {i for ids in widget_refs.values() for i in ids if i is not None}
    pages = page_index(reader, all_ids)

    rows = []
    for f in fields:
        ws = widgets_of(f)
        rect = ws[0].get("/Rect")
        rect = [round(float(resolve(x)), 1) for x in rect] if rect else []
        flags = int(inherited(f, "/Ff") or 0)
        page = next((pages[i] for i in widget_refs[id(f)] if i in pages), None)
        ftype = field_type(f)
        raw = inherited(f, "/V")
        row = {
            "qualified_name": qualified_name(f),
            "short_name": str(f.get("/T", "")),
            "type": ftype,
            "page": page or "",
            "rect": ",".join(map(str, rect)),
            "value": clean(raw),
            "raw_value": str(raw) if raw is not None else None,
            "export_values": export_values(ws) if ftype in ("checkbox", "radio") else [],
            "widgets": len(ws),
            "options": choice_options(f) if ftype == "choice" else [],
            "required": bool(flags & FF_REQUIRED),
            "readonly": bool(flags & FF_READONLY),
            "max_len": int(inherited(f, "/MaxLen") or 0) or "",
            "tooltip": str(f.get("/TU", "")),
        }
        for col in args.add_column:
            row[col] = ""
        rows.append(row)

    if args.reading_order:
        def key(r):
            coords = [float(x) for x in r["rect"].split(",")] if r["rect"] else [0, 0, 0, 0]
            return (r["page"] or 10**6, -round(coords[3] / 6), coords[0])
        rows.sort(key=key)

    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"source": args.pdf, "fields": rows}, fh, indent=2)
    if args.csv:
        cols = [c for c in rows[0].keys() if c != "raw_value"] if rows else []
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                r = dict(r)
                r["export_values"] = ";".join(r["export_values"])
                r["options"] = ";".join(f'{o["export"]}={o["display"]}' for o in r["options"])
                w.writerow(r)
    if not args.json and not args.csv:
        for r in rows:
            flag = ("R" if r["required"] else "-") + ("ro" if r["readonly"] else "--")
            print(f'{str(r["page"]):>3}  {r["type"]:<9} {flag}  {r["qualified_name"]}  {r["value"]}')

    types = Counter(r["type"] for r in rows)
    radios = [r for r in rows if r["type"] == "radio"]
    print(
        f"{len(rows)} fields on {len(reader.pages)} pages: "
        + ", ".join(f"{n} {t}" for t, n in types.items() if t != "radio")
        + (f", {len(radios)} radio groups ({sum(r['widgets'] for r in radios)} widgets)" if radios else "")
        + f"; {sum(r['required'] for r in rows)} required, {sum(r['readonly'] for r in rows)} read-only",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
