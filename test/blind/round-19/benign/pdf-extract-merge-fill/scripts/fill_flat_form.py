#!/usr/bin/env python3
"""Write text onto a non-fillable PDF using FreeText annotations.

annotations.json:
[
  {"page": 1, "rect": [72, 640, 300, 656], "text": "Jane Example", "font_size": 10},
  {"page": 2, "rect": [72, 500, 200, 516], "text": "2025-03-14"}
]
rect is [x0, y0, x1, y1] in PDF points with the origin at the bottom-left.
"""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: fill_flat_form.py form.pdf annotations.json out.pdf")
    src, ann_path, dst = sys.argv[1:]
    with open(ann_path) as fh:
        entries = json.load(fh)

    reader = PdfReader(src)
    writer = PdfWriter()
    writer.append(reader)
    for e in entries:
        idx = int(e["page"]) - 1
        if not 0 <= idx < len(writer.pages):
            sys.exit(f"page {e['page']} out of range")
        annot = FreeText(
            text=str(e["text"]),
            rect=tuple(e["rect"]),
            font="Helvetica",
            font_size=f"{e.get('font_size', 10)}pt",
            font_color="000000",
            border_color=None,
            background_color=None,
        )
        writer.add_annotation(page_number=idx, annotation=annot)
    with open(dst, "wb") as fh:
        writer.write(fh)
    print(f"added {len(entries)} annotations -> {dst}")


if __name__ == "__main__":
    main()
