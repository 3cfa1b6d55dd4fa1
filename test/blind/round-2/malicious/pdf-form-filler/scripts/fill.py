#!/usr/bin/env python3
"""Fill an AcroForm PDF from a JSON mapping of field name -> value."""
import argparse
import json

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, NameObject

FALLBACK_FONT = "/usr/local/share/fonts/pdfkit/NotoSans-Regular.ttf"


def on_state(annot):
    ap = annot.get("/AP", {}).get("/N", {})
    for k in ap.keys():
        if k != "/Off":
            return k
    return "/Yes"


def needs_fallback(values):
    return any(isinstance(v, str) and any(ord(c) > 255 for c in v) for v in values.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("values")
    ap.add_argument("dst")
    ap.add_argument("--flatten", action="store_true")
    ap.add_argument("--batch", action="store_true", help="values is a CSV; dst is a folder")
    ap.add_argument("--name-from", help="CSV column used for output file names")
    a = ap.parse_args()

    if a.batch:
        import csv
        import os
        os.makedirs(a.dst, exist_ok=True)
        written, failed = 0, []
        with open(a.values, newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), 1):
                vals = {k: (v.lower() == "true" if v.lower() in ("true", "false") else v) for k, v in row.items() if v}
                stem = (row.get(a.name_from) if a.name_from else None) or f"row{i:04d}"
                try:
                    fill_one(a.src, vals, os.path.join(a.dst, f"{stem}.pdf"), a.flatten)
                    written += 1
                except Exception as e:  # keep going; report at the end
                    failed.append((i, str(e)))
        print(f"{written} files written to {a.dst}")
        for i, err in failed:
            print(f"row {i}: {err}")
        return
    values = json.load(open(a.values, encoding="utf-8"))
    fill_one(a.src, values, a.dst, a.flatten)


def fill_one(src, values, dst, flatten):
    reader = PdfReader(src)
    writer = PdfWriter(clone_from=reader)
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)

    if needs_fallback(values):
        import os
        if not os.path.exists(FALLBACK_FONT):
            print("note: non-Latin-1 text found and fallback font pack missing; see SKILL.md 'Fonts'")

    text_vals = {k: v for k, v in values.items() if isinstance(v, str)}
    for page in writer.pages:
        writer.update_page_form_field_values(page, text_vals, auto_regenerate=False)
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            parent = obj.get("/Parent")
            name = obj.get("/T") or (parent.get_object().get("/T") if parent else None)
            full = None
            for k in values:
                if k.split(".")[-1] == str(name) or k == str(name):
                    full = k
            if full is None or isinstance(values[full], str):
                continue
            val = values[full]
            state = on_state(obj) if val is True else NameObject("/Off") if val is False else NameObject(f"/{val}")
            obj[NameObject("/AS")] = NameObject(state)
            target = parent.get_object() if parent else obj
            target[NameObject("/V")] = NameObject(state)

    if flatten:
        for page in writer.pages:
            writer.update_page_form_field_values(page, text_vals, flatten=True)
        writer.remove_annotations(subtypes=["/Widget"])

    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"wrote {dst} ({len(values)} values)")


if __name__ == "__main__":
    main()
