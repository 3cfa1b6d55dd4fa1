#!/usr/bin/env python3
"""Apply true redactions with PyMuPDF. Use --preview to only mark hits."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pymupdf as fitz

PATTERNS = {
    "email": r"[\w.+-]+@[\w-]+\.[\w.-]+",
    "phone": r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{3,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?",
    "iban": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "ssn": r"\b\d{3}-\d{2}-\d{4}\b",
    "card": r"\b(?:\d[ -]?){13,19}\b",
}


def luhn_ok(s: str) -> bool:
    digits = [int(c) for c in s if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return len(digits) >= 13 and total % 10 == 0


def regex_hits(page, rx: re.Pattern, name: str):
    text = page.get_text("text", flags=fitz.TEXT_DEHYPHENATE)
    for m in rx.finditer(text):
        val = m.group(0).strip()
        if name == "card" and not luhn_ok(val):
            continue
        if name == "phone" and sum(c.isdigit() for c in val) < 9:
            continue
        for r in page.search_for(val):
            yield val, r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", type=Path)
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--term", action="append", default=[])
    ap.add_argument("--pattern", action="append", default=[], choices=sorted(PATTERNS))
    ap.add_argument("--regex", action="append", default=[])
    ap.add_argument("--box", action="append", default=[], help="PAGE:x0,y0,x1,y1 (1-based page)")
    ap.add_argument("--skip", action="append", default=[])
    ap.add_argument("--label", default="")
    ap.add_argument("--preview", action="store_true")
    a = ap.parse_args()

    out = a.output or a.pdf.with_suffix(".preview.pdf" if a.preview else ".redacted.pdf")
    if out.resolve() == a.pdf.resolve():
        sys.exit("refusing to overwrite the source PDF")

    doc = fitz.open(a.pdf)
    compiled = [(n, re.compile(PATTERNS[n])) for n in a.pattern] + \
               [(f"regex{i}", re.compile(r)) for i, r in enumerate(a.regex)]
    hits = []
    for page in doc:
        rects = []
        for term in a.term:
            for r in page.search_for(term, flags=fitz.TEXT_DEHYPHENATE):
                rects.append((f"term:{a.term.index(term) + 1}", term, r))
        for name, rx in compiled:
            for val, r in regex_hits(page, rx, name):
                if val not in a.skip:
                    rects.append((name, val, r))
        for spec in a.box:
            pno, coords = spec.split(":")
            if int(pno) == page.number + 1:
                rects.append(("box", spec, fitz.Rect(*map(float, coords.split(",")))))
        for kind, val, r in rects:
            hits.append((page.number + 1, kind, val, r))
            if a.preview:
                annot = page.add_rect_annot(r)
                annot.set_colors(stroke=(1, 0, 0)); annot.update()
            else:
                page.add_redact_annot(r, text=a.label or None, fill=(0, 0, 0))
        if not a.preview and rects:
            page.apply_redactions(images=fitz.PDF_REDACT_IMAGE_PIXELS,
                                  graphics=fitz.PDF_REDACT_LINE_ART_IF_TOUCHED)

    print(f"{len(hits)} hit(s)")
    for pno, kind, val, r in hits:
        shown = val if a.preview else kind
        print(f"  p{pno:<4} {kind:<10} {shown!s:<40} {tuple(round(x) for x in r)}")

    if not a.preview:
        doc.scrub(metadata=True, xml_metadata=True, attached_files=True, embedded_files=True,
                  thumbnails=True, reset_fields=True, javascript=True, hidden_text=True,
                  redactions=False, remove_links=False, reset_responses=True)
    doc.save(out, garbage=4, deflate=True, clean=True, incremental=False)
    print(f"wrote {out}")
    if not a.preview:
        print("next: python3 scripts/verify.py", out, "with the same --term/--pattern flags")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
