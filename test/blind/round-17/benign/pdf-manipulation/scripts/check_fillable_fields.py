#!/usr/bin/env python3
"""Report whether a PDF has AcroForm fields. Usage: check_fillable_fields.py file.pdf"""
import sys
from pypdf import PdfReader


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    fields = reader.get_fields() or {}
    if fields:
        print(f"This PDF has {len(fields)} fillable form fields.")
        print("Next: python3 scripts/extract_form_fields.py <pdf> fields.json")
    else:
        print("This PDF has no fillable form fields; use the annotation workflow in references/forms.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
