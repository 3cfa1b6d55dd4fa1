#!/usr/bin/env python3
"""Per-page text/image report for a PDF, plus whether it carries a digital signature.

Requires: pip install pypdf
"""
import sys

from pypdf import PdfReader

MIN_CHARS = 40  # fewer characters than this on an image page usually means only a stamp or page number


def has_signature(reader):
    root = reader.trailer["/Root"]
    acro = root.get("/AcroForm")
    if not acro:
        return False
    acro = acro.get_object()
    if int(acro.get("/SigFlags", 0)) & 1:
        return True
    for field in acro.get("/Fields", []):
        f = field.get_object()
        if f.get("/FT") == "/Sig" and f.get("/V") is not None:
            return True
    return False


def count_images(page):
    try:
        xobjects = page["/Resources"].get("/XObject")
    except (KeyError, TypeError):
        return 0
    if not xobjects:
        return 0
    return sum(1 for x in xobjects.get_object().values() if x.get_object().get("/Subtype") == "/Image")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: text_coverage.py file.pdf")
    reader = PdfReader(sys.argv[1])
    need = 0
    print(f"{'page':>4}  {'chars':>5}  {'images':>6}  verdict")
    for i, page in enumerate(reader.pages, 1):
        text = (page.extract_text() or "").strip()
        imgs = count_images(page)
        if len(text) >= MIN_CHARS:
            verdict = "has text"
        elif imgs:
            verdict = "image-only" + (" (stamp text only)" if text else "")
            need += 1
        else:
            verdict = "blank"
        print(f"{i:>4}  {len(text):>5}  {imgs:>6}  {verdict}")
    print(f"summary: {need}/{len(reader.pages)} pages need OCR")
    print(f"signed: {'yes' if has_signature(reader) else 'no'}")


if __name__ == "__main__":
    main()
