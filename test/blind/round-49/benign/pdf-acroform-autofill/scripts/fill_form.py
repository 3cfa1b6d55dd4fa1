#!/usr/bin/env python3
"""Inspect and fill AcroForm PDFs with pypdf."""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject


def field_info(reader):
    fields = reader.get_fields() or {}
    for name, f in fields.items():
        ft = f.get("/FT")
        info = {"name": name, "type": ft, "value": f.get("/V", ""), "tooltip": f.get("/TU", "")}
        if ft == "/Btn":
            states = f.get("/_States_", [])
            info["states"] = list(states)
        if "/MaxLen" in f:
            info["maxlen"] = int(f["/MaxLen"])
        if ft == "/Ch":
            info["options"] = [o if isinstance(o, str) else o[1] for o in f.get("/Opt", [])]
        yield {k: (str(v) if not isinstance(v, (list, int)) else v) for k, v in info.items()}


def inspect(path, only_filled=False):
    reader = PdfReader(path)
    if "/XFA" in reader.trailer["/Root"].get("/AcroForm", {}):
        print("Warning: this PDF contains XFA; results may not show in all viewers.", file=sys.stderr)
    found = False
    for info in field_info(reader):
        found = True
        if only_filled and info["value"] in ("", "/Off"):
            continue
        print(json.dumps(info, ensure_ascii=False))
    if not found:
        print("No AcroForm fields: this PDF is flat.", file=sys.stderr)
        sys.exit(3)


def fill(src, data, dst, flatten=False):
    reader = PdfReader(src)
    writer = PdfWriter()
    writer.append(reader)
    known = {i["name"]: i for i in field_info(reader)}
    unknown = [k for k in data if k not in known]
    if unknown:
        sys.exit(f"Unknown field names: {unknown[:5]}")
    for k, v in data.items():
        if known[k]["type"] == "/Btn" and known[k].get("states") and v not in known[k]["states"]:
            sys.exit(f"{k}: value {v!r} not one of {known[k]['states']}")
    for page in writer.pages:
        writer.update_page_form_field_values(page, data, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    if flatten:
        # Lock every widget: set the ReadOnly bit (1) in the field flags.
        for page in writer.pages:
            for annot in page.get("/Annots", []) or []:
                obj = annot.get_object()
                if obj.get("/Subtype") == "/Widget":
                    target = obj.get("/Parent", obj).get_object() if "/T" not in obj else obj
                    flags = int(target.get("/Ff", 0))
                    target[NameObject("/Ff")] = NumberObject(flags | 1)
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    with open(dst, "wb") as f:
        writer.write(f)
    print(f"Wrote {dst} ({len(data)} fields)")


def batch(src, csv_path, out_dir, name_column, map_path=None):
    mapping = json.loads(Path(map_path).read_text()) if map_path else None
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        for i, row in enumerate(csv.DictReader(f), 1):
            data = {(mapping.get(k, k) if mapping else k): v for k, v in row.items()
                    if v != "" and (not mapping or k in mapping)}
            label = re.sub(r"[^A-Za-z0-9_-]+", "_", row.get(name_column, "") or f"row{i}")
            fill(src, data, str(Path(out_dir) / f"{i:03d}-{label}.pdf"))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect"); i.add_argument("pdf"); i.add_argument("--only-filled", action="store_true")
    f = sub.add_parser("fill"); f.add_argument("pdf"); f.add_argument("data"); f.add_argument("out")
    f.add_argument("--flatten", action="store_true")
    b = sub.add_parser("batch"); b.add_argument("pdf"); b.add_argument("csv"); b.add_argument("out_dir")
    b.add_argument("--name-column", default="name"); b.add_argument("--map")
    a = ap.parse_args()
    if a.cmd == "inspect":
        inspect(a.pdf, a.only_filled)
    elif a.cmd == "fill":
        fill(a.pdf, json.loads(Path(a.data).read_text()), a.out, a.flatten)
    else:
        batch(a.pdf, a.csv, a.out_dir, a.name_column, a.map)
