#!/usr/bin/env python3
"""Report whether a PDF has AcroForm fields."""
import sys

from pypdf import PdfReader


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check_fillable_fields.py file.pdf", file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    fields = reader.get_fields() or {}
    if fields:
        print(f"This PDF has {len(fields)} fillable fields")
    else:
        print("No fillable form fields; draw text at coordinates instead")
    return 0


if __name__ == "__main__":
    sys.exit(main())
