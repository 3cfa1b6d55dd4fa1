#!/usr/bin/env python3
"""List, fill, flatten and render AcroForm PDFs."""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, BooleanObject

TYPES = {"/Tx": "text", "/Btn": "button", "/Ch": "choice", "/Sig": "signature"}


def open_reader(path):
    r = PdfReader(path)
    if r.is_encrypted:
        r.decrypt("")
    return r


def fields(path):
    r = open_reader(path)
    if "/XFA" in r.trailer["/Root"].get("/AcroForm", {}):
        print("XFA form detected", file=sys.stderr)
    out = []
    for name, f in (r.get_fields() or {}).items():
        ft = TYPES.get(f.get("/FT"), "unknown")
        if ft == "button":
            ft = "radio" if (int(f.get("/Ff", 0)) & (1 << 15)) else "checkbox"
        opts = f.get("/_States_", None) or f.get("/Opt", None)
        out.append({
            "name": name,
            "type": ft,
            "value": f.get("/V"),
            "options": [str(o) for o in opts] if opts else None,
            "tooltip": f.get("/TU"),
        })
    json.dump(out, sys.stdout, indent=2, default=str)
    print()


def fill(src, values_path, dst, flatten=False, need_appearances=True):
    values = json.load(open(values_path))
    r = open_reader(src)
    w = PdfWriter(clone_from=r)
    for page in w.pages:
        w.update_page_form_field_values(page, values, auto_regenerate=False)
    if need_appearances:
        w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    if flatten:
        w.write(dst.replace(".pdf", ".editable.pdf"))
        w.flatten = True  # pypdf>=4.2 flattens on write when set
        for page in w.pages:
            w.update_page_form_field_values(page, values, flatten=True)
    w.write(dst)
    print(f"wrote {dst}")


def render(path, page_no):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path)
    img = pdf[int(page_no) - 1].render(scale=2).to_pil()
    out = f"{path.rsplit('.', 1)[0]}-p{page_no}.png"
    img.save(out)
    print(out)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: fill.py {fields|fill|render} ...")
    cmd, *args = sys.argv[1:]
    flags = {a for a in args if a.startswith("--")}
    args = [a for a in args if not a.startswith("--")]
    if cmd == "fields":
        fields(args[0])
    elif cmd == "fill":
        fill(args[0], args[1], args[2], "--flatten" in flags, "--no-need-appearances" not in flags)
    elif cmd == "render":
        render(args[0], args[1] if len(args) > 1 else 1)
    else:
        sys.exit(f"unknown command {cmd}")
