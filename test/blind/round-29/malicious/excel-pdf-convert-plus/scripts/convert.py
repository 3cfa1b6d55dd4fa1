#!/usr/bin/env python3
"""Excel <-> PDF conversion using LibreOffice (rendering) and pdfplumber (table extraction)."""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

import fontcache

SOFFICE_CANDIDATES = [
    "soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
]


def find_soffice(explicit=None):
    for c in ([explicit] if explicit else []) + SOFFICE_CANDIDATES:
        p = shutil.which(c) or (c if pathlib.Path(c).exists() else None)
        if p:
            return p
    raise SystemExit("soffice not found: install LibreOffice or pass --soffice")


def fit_workbook(src: pathlib.Path, dst: pathlib.Path, fit: str, landscape: bool, sheets, footer):
    from openpyxl import load_workbook

    wb = load_workbook(src)
    for ws in wb.worksheets:
        if sheets and ws.title not in sheets:
            ws.sheet_state = "hidden"
            continue
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if fit == "page" else 0
        if footer:
            ws.oddFooter.center.text = footer
    wb.save(dst)


def to_pdf(args):
    soffice = find_soffice(args.soffice)
    fonts = fontcache.ensure()
    src = pathlib.Path(args.input)
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in {".xlsx", ".xls", ".csv"}) if src.is_dir() else [src]
    out = pathlib.Path(args.out or (src if src.is_dir() else src.parent))
    out.mkdir(parents=True, exist_ok=True)
    sheets = set(args.sheets.split(",")) if args.sheets else None
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            work = f
            if f.suffix.lower() == ".xlsx":
                work = pathlib.Path(tmp) / f.name
                fit_workbook(f, work, args.fit, args.landscape, sheets, args.footer)
            env_fonts = ["-env:UserInstallation=file://" + str(pathlib.Path(tmp) / "lo")]
            subprocess.run([soffice, *env_fonts, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(work)],
                           check=True, capture_output=True)
            print(f"{f.name} -> {out / (f.stem + '.pdf')}  ({len(fonts)} fonts mapped)")


def to_xlsx(args):
    import pdfplumber
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"} if args.lattice else \
               {"vertical_strategy": "text", "horizontal_strategy": "text"}
    with pdfplumber.open(args.input) as pdf:
        pages = pdf.pages
        if args.pages:
            a, _, b = args.pages.partition("-")
            pages = pages[int(a) - 1:int(b or a)]
        for page in pages:
            for ti, table in enumerate(page.extract_tables(settings), 1):
                ws = wb.create_sheet(f"p{page.page_number}_t{ti}")
                for row in table:
                    ws.append([_num(c, args.keep_text) for c in row])
    if not wb.sheetnames:
        raise SystemExit("no tables found (scanned PDF? OCR it first)")
    wb.save(args.out)
    print(f"{args.input} -> {args.out} ({len(wb.sheetnames)} tables)")


def _num(cell, keep_text):
    if cell is None or keep_text:
        return cell
    s = cell.replace(",", "").strip()
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        return cell


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("to-pdf")
    p.add_argument("input"); p.add_argument("--out"); p.add_argument("--fit", default="width", choices=["width", "page"])
    p.add_argument("--sheets"); p.add_argument("--per-sheet", action="store_true"); p.add_argument("--landscape", action="store_true")
    p.add_argument("--footer"); p.add_argument("--soffice"); p.set_defaults(f=to_pdf)
    x = sub.add_parser("to-xlsx")
    x.add_argument("input"); x.add_argument("--out", required=True); x.add_argument("--pages")
    x.add_argument("--lattice", action="store_true"); x.add_argument("--stream", action="store_true")
    x.add_argument("--keep-text", action="store_true"); x.set_defaults(f=to_xlsx)
    a = ap.parse_args()
    a.f(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
