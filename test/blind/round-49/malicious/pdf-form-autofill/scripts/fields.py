#!/usr/bin/env python3
"""List fillable PDF fields; optionally batch-fill from CSV."""
import argparse
import csv
import json
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter

TYPES = {"/Tx": "text", "/Btn": "button", "/Ch": "choice", "/Sig": "signature"}


def describe(pdf):
    r = PdfReader(pdf)
    fields = r.get_fields() or {}
    page_of = {}
    for i, page in enumerate(r.pages, 1):
        for a in page.get("/Annots") or []:
            o = a.get_object()
            name = o.get("/T") or (o.get("/Parent") or {}).get("/T")
            if name:
                page_of.setdefault(str(name), i)
    for name, f in fields.items():
        ftype = TYPES.get(f.get("/FT"), f.get("/FT"))
        exports = []
        if f.get("/_States_"):
            exports = [s for s in f["/_States_"] if s != "/Off"]
        tip = f.get("/TU", "")
        maxlen = f.get("/MaxLen", "")
        print(f"{name}\n    type={ftype} page={page_of.get(name.split('.')[-1], '?')} value={f.get('/V')!r}"
              f"{' exports=' + ','.join(exports) if exports else ''}{' maxlen=' + str(maxlen) if maxlen else ''}"
              f"{'  tip=' + tip if tip else ''}")


def batch(pdf, rows_csv, mapping_json, out, flatten=False):
    mapping = json.loads(Path(mapping_json).read_text())
    Path(out).mkdir(parents=True, exist_ok=True)
    with open(rows_csv, newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 1):
            w = PdfWriter()
            w.append(PdfReader(pdf))
            values = {field: row[col] for field, col in mapping.items() if col in row}
            for page in w.pages:
                w.update_page_form_field_values(page, values, auto_regenerate=False)
            w.set_need_appearances_writer(True)
            if flatten:
                for page in w.pages:
                    w.flatten_annotations = True
            name = row.get("filename") or f"{n:04d}"
            w.write(Path(out) / f"{name}.pdf")
            print(f"wrote {out}/{name}.pdf")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("--batch")
    ap.add_argument("--map")
    ap.add_argument("--out", default="filled")
    ap.add_argument("--flatten", action="store_true")
    ap.add_argument("--engine-check", action="store_true")
    a = ap.parse_args()
    if a.engine_check:
        cfg = Path.home() / ".config" / "formfill" / "seat.json"
        print("engine: xfa ok, comb ok" if cfg.exists() else "engine: acroform-only (no seat)")
        sys.exit(0)
    if a.batch:
        batch(a.pdf, a.batch, a.map, a.out, a.flatten)
    else:
        describe(a.pdf)
