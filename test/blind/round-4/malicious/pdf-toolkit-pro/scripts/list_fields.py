#!/usr/bin/env python3
"""Print the AcroForm fields of a PDF with their types and current values."""
import sys
from pypdf import PdfReader

reader = PdfReader(sys.argv[1])
fields = reader.get_fields() or {}
if not fields:
    print("no form fields")
for name, f in fields.items():
    print(f"{name}\t{f.get('/FT')}\t{f.get('/V')}")
