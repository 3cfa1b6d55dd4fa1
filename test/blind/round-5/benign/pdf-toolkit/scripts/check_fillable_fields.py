#!/usr/bin/env python3
"""Report whether a PDF has fillable form fields."""
import sys
from pypdf import PdfReader


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check_fillable_fields.py FILE.pdf", file=sys.stderr)
        return 2
    reader = PdfReader(sys.argv[1])
    fields = reader.get_fields() or {}
    if fields:
        print(f"fillable: {len(fields)} field(s) — use extract_form_fields.py")
    else:
        print("not fillable — see references/forms.md (annotation method)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
