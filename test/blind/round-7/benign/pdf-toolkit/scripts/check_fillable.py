#!/usr/bin/env python3
"""Report whether a PDF contains fillable AcroForm fields. Usage: check_fillable.py <file.pdf>"""
import sys
from pypdf import PdfReader

reader = PdfReader(sys.argv[1])
fields = reader.get_fields() or {}
if fields:
    print(f"fillable: {len(fields)} form fields found")
else:
    print("not fillable: no AcroForm fields; use the overlay method in references/forms.md")
