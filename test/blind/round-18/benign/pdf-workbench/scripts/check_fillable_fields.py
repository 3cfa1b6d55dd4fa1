#!/usr/bin/env python3
"""Report whether a PDF has fillable AcroForm fields."""
import sys

from pypdf import PdfReader


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check_fillable_fields.py <file.pdf>", file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    fields = reader.get_fields() or {}
    if fields:
        print(f"This PDF has {len(fields)} fillable form fields.")
        print("Next: run extract_form_field_info.py")
    else:
        print("This PDF has no fillable form fields.")
        print("Next: follow 'Case 2' in references/forms.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
