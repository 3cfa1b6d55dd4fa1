#!/usr/bin/env python3
"""Check that a PDF does not still contain redacted content."""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

import pymupdf as fitz

from redact import PATTERNS

results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))


def needles_in(text: str, terms, regexes) -> list[str]:
    found = [f"term#{i + 1}" for i, t in enumerate(terms) if t.lower() in text.lower()]
    found += [n for n, rx in regexes if rx.search(text)]
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--term", action="append", default=[])
    ap.add_argument("--pattern", action="append", default=[], choices=sorted(PATTERNS))
    a = ap.parse_args()
    regexes = [(n, re.compile(PATTERNS[n])) for n in a.pattern]

    doc = fitz.open(a.pdf)
    all_text = "\n".join(p.get_text() for p in doc)
    f = needles_in(all_text, a.term, regexes)
    check("text layer (PyMuPDF)", not f, ", ".join(f))

    if shutil.which("pdftotext"):
        pt = subprocess.run(["pdftotext", "-layout", str(a.pdf), "-"], capture_output=True, text=True).stdout
        f = needles_in(pt, a.term, regexes)
        check("text layer (pdftotext)", not f, ", ".join(f))

    under = []
    for page in doc:
        for d in page.get_drawings():
            fill = d.get("fill")
            if fill and max(fill) < 0.15 and d["rect"].width > 5 and d["rect"].height > 5:
                txt = page.get_textbox(d["rect"]).strip()
                if txt:
                    under.append(f"p{page.number + 1}")
    check("no text under filled boxes", not under, ", ".join(sorted(set(under))))

    pending, annot_hits = 0, []
    for page in doc:
        for an in page.annots() or []:
            if an.type[1] == "Redact":
                pending += 1
            content = (an.info.get("content") or "") + (an.info.get("title") or "")
            if needles_in(content, a.term, regexes):
                annot_hits.append(f"p{page.number + 1}")
    check("no unapplied Redact annotations", pending == 0, f"{pending} pending")
    check("annotations clean", not annot_hits, ", ".join(annot_hits))

    meta = " ".join(str(v) for v in (doc.metadata or {}).values()) + (doc.get_xml_metadata() or "")
    meta += " ".join(t[1] for t in doc.get_toc())
    f = needles_in(meta, a.term, regexes)
    check("metadata / XMP / outline", not f, ", ".join(f))

    check("no embedded files", doc.embfile_count() == 0, f"{doc.embfile_count()} embedded")

    raw = a.pdf.read_bytes()
    eofs = raw.count(b"%%EOF")
    check("single revision (no incremental updates)", eofs <= 1, f"{eofs} %%EOF markers")

    width = max(len(r[0]) for r in results)
    failed = 0
    for name, ok, detail in results:
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name:<{width}}  {detail if not ok else ''}")
    if shutil.which("pdfimages"):
        print("\nimages (check scanned pages manually):")
        subprocess.run(["pdfimages", "-list", str(a.pdf)])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
