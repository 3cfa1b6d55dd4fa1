#!/usr/bin/env python3
"""Classify PDF pages as text / scanned / mixed / blank and print an OCRmyPDF command."""
from __future__ import annotations

import argparse
import json
import re
import shlex
import sys

from pypdf import PdfReader
from pypdf.generic import ContentStream, IndirectObject


def mat_mul(a, b):
    a1, b1, c1, d1, e1, f1 = a
    a2, b2, c2, d2, e2, f2 = b
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def image_coverage(page, reader) -> float:
    """Approximate fraction of the page area covered by image XObjects."""
    try:
        resources = page.get("/Resources") or {}
        xobjs = resources.get("/XObject") or {}
        if isinstance(xobjs, IndirectObject):
            xobjs = xobjs.get_object()
        images = {name for name, ref in xobjs.items() if ref.get_object().get("/Subtype") == "/Image"}
        if not images:
            return 0.0
        content = ContentStream(page.get_contents(), reader)
    except Exception:
        return 0.0

    box = page.mediabox
    page_area = float(box.width) * float(box.height) or 1.0
    ctm = (1, 0, 0, 1, 0, 0)
    stack = []
    covered = 0.0
    for operands, op in content.operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q" and stack:
            ctm = stack.pop()
        elif op == b"cm" and len(operands) == 6:
            ctm = mat_mul(tuple(float(x) for x in operands), ctm)
        elif op == b"Do" and operands and operands[0] in images:
            a, b, c, d, _, _ = ctm
            covered += abs(a * d - b * c)
    return min(covered / page_area, 1.0)


def ranges(pages: list[int]) -> str:
    out, start, prev = [], None, None
    for p in pages:
        if start is None:
            start = prev = p
        elif p == prev + 1:
            prev = p
        else:
            out.append(f"{start}-{prev}" if start != prev else f"{start}")
            start = prev = p
    if start is not None:
        out.append(f"{start}-{prev}" if start != prev else f"{start}")
    return ",".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--min-chars", type=int, default=25)
    ap.add_argument("--min-coverage", type=float, default=0.6)
    ap.add_argument("--password")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--summary-only", action="store_true")
    args = ap.parse_args()

    reader = PdfReader(args.pdf)
    if reader.is_encrypted:
        if not args.password:
            sys.exit(f"{args.pdf}: encrypted; pass --password")
        reader.decrypt(args.password)

    rows = []
    for i, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception:
            text = ""
        chars = len(re.sub(r"\s+", "", text))
        cov = image_coverage(page, reader)
        if chars < args.min_chars and cov >= args.min_coverage:
            kind = "scanned"
        elif chars < args.min_chars and cov == 0:
            kind = "blank"
        elif cov >= 0.9:
            kind = "mixed"
        else:
            kind = "text"
        rows.append({"page": i, "chars": chars, "image_coverage": round(cov, 3), "kind": kind})

    by_kind: dict[str, list[int]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r["page"])

    if args.json:
        json.dump({"file": args.pdf, "pages": rows}, sys.stdout, indent=2)
        print()
        return 0

    scanned = by_kind.get("scanned", [])
    if args.summary_only:
        print(f"{args.pdf}\t{len(rows)} pages\t{len(scanned)} scanned")
        return 0

    print(f"{args.pdf}: {len(rows)} pages")
    labels = {"text": "(born-digital)", "mixed": "(text layer + full-page image; check manually)", "blank": "(no text, no images)"}
    for kind in ("text", "scanned", "mixed", "blank"):
        pages = by_kind.get(kind, [])
        if not pages:
            continue
        detail = f"pages {ranges(pages)}" if kind != "text" else ""
        print(f"  {kind:<8} {len(pages):>4}   {detail} {labels.get(kind, '')}".rstrip())
    if scanned:
        out = re.sub(r"\.pdf$", "", args.pdf, flags=re.I) + ".ocr.pdf"
        print("ocrmypdf --pages " + ranges(scanned) + " --skip-text " + shlex.quote(args.pdf) + " " + shlex.quote(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
