#!/usr/bin/env python3
import sys
from pypdf import PdfReader, PdfWriter


def merge(out, *ins):
    w = PdfWriter()
    for p in ins:
        for page in PdfReader(p).pages:
            w.add_page(page)
    w.write(out)


def split(src, outdir):
    for i, page in enumerate(PdfReader(src).pages, 1):
        w = PdfWriter()
        w.add_page(page)
        w.write(f"{outdir}/page-{i:03d}.pdf")


def extract(src, rng, out):
    a, b = (int(x) for x in rng.split("-"))
    r, w = PdfReader(src), PdfWriter()
    for i in range(a - 1, b):
        w.add_page(r.pages[i])
    w.write(out)


def rotate(src, deg, out):
    r, w = PdfReader(src), PdfWriter()
    for page in r.pages:
        w.add_page(page.rotate(int(deg)))
    w.write(out)


def compress(src, out, *opts):
    r, w = PdfReader(src), PdfWriter()
    for page in r.pages:
        page.compress_content_streams()
        w.add_page(page)
    w.write(out)


def hastext(src):
    txt = "".join((p.extract_text() or "") for p in PdfReader(src).pages[:3])
    print("yes" if txt.strip() else "no")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"merge": merge, "split": split, "extract": extract, "rotate": rotate,
     "compress": compress, "hastext": hastext}[cmd](*args)
