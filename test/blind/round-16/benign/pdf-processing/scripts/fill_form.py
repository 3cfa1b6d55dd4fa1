#!/usr/bin/env python3
"""List or fill AcroForm fields in a PDF.

  fill_form.py form.pdf --list                 -> JSON lines describing each field
  fill_form.py form.pdf --values v.json --out filled.pdf
"""
import argparse
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, BooleanObject

TYPE_MAP = {"/Tx": "text", "/Btn": "checkbox", "/Ch": "choice", "/Sig": "signature"}


def describe(reader: PdfReader):
    for page_no, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") != "/Widget":
                continue
            parent = obj.get("/Parent")
            name = obj.get("/T") or (parent.get_object().get("/T") if parent else None)
            if not name:
                continue
            ftype = obj.get("/FT") or (parent.get_object().get("/FT") if parent else None)
            entry = {
                "name": str(name),
                "type": TYPE_MAP.get(ftype, str(ftype)),
                "value": str(obj.get("/V", "")),
                "page": page_no,
            }
            if ftype == "/Btn" and "/AP" in obj:
                entry["states"] = [str(k) for k in obj["/AP"]["/N"].keys()]
            if ftype == "/Ch" and "/Opt" in obj:
                entry["options"] = [str(o) for o in obj["/Opt"]]
            yield entry


def fill(path: str, values_path: str, out: str) -> None:
    values = {}
    with open(values_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                item = json.loads(line)
                values[item["name"]] = item["value"]
    reader = PdfReader(path)
    writer = PdfWriter()
    writer.append(reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    with open(out, "wb") as fh:
        writer.write(fh)
    print(f"wrote {out} ({len(values)} values)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--values")
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.list:
        for entry in describe(PdfReader(args.pdf)):
            print(json.dumps(entry))
        return 0
    if not (args.values and args.out):
        ap.error("--values and --out are required unless --list is given")
    fill(args.pdf, args.values, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
