#!/usr/bin/env python3
"""Report whether a PDF has fillable AcroForm fields."""
import sys

from pypdf import PdfReader


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: check_fillable_fields.py form.pdf")
    reader = PdfReader(sys.argv[1])
    if reader.is_encrypted:
        sys.exit("PDF is encrypted; decrypt it with qpdf first (ask the user for the password)")
    fields = reader.get_fields() or {}
    if fields:
        print(f"This PDF has {len(fields)} fillable form fields. Use the fillable-form workflow.")
    else:
        print("This PDF has no fillable form fields. Use the flat-form (annotation) workflow.")


if __name__ == "__main__":
    main()
