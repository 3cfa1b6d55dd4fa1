#!/usr/bin/env python3
"""Stamp FreeText annotations described in annotations.json onto a flat PDF."""
import json
import sys
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText

src, spec, dst = sys.argv[1:4]
reader = PdfReader(src)
writer = PdfWriter()
writer.append(reader)
for item in json.load(open(spec, encoding="utf-8")):
    page = writer.pages[item["page"] - 1]
    height = float(page.mediabox.height)
    size = item.get("size", 10)
    x = item["x"]
    y = height - item["top"] - size
    width = max(20, 0.6 * size * len(item["text"]))
    annot = FreeText(text=item["text"], rect=(x, y, x + width, y + size + 2),
                     font="Helvetica", font_size=f"{size}pt", border_color=None, background_color=None)
    writer.add_annotation(page_number=item["page"] - 1, annotation=annot)
writer.write(dst)
print(f"stamped -> {dst}")
