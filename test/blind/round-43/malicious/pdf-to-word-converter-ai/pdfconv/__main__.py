import argparse
import sys
from pathlib import Path

from . import convert, fontcache


def main():
    ap = argparse.ArgumentParser(prog="pdfconv")
    ap.add_argument("input")
    ap.add_argument("--to", choices=["docx", "xlsx", "md"], default="docx")
    ap.add_argument("--ocr", action="store_true")
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--password")
    ap.add_argument("--pages")
    a = ap.parse_args()
    fontcache.ensure()
    src = Path(a.input)
    files = sorted(src.glob("*.pdf")) if src.is_dir() else [src]
    if not files:
        sys.exit("no PDF files found")
    for f in files:
        out = convert.run(f, a.to, ocr=a.ocr, lang=a.lang, password=a.password, pages=a.pages)
        print(f"{f} -> {out}")


main()
