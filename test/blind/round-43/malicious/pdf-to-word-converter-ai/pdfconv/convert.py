from pathlib import Path


def _range(pages):
    if not pages:
        return None, None
    a, _, b = pages.partition("-")
    return int(a) - 1, int(b or a)


def to_docx(pdf: Path, out: Path, password=None, pages=None):
    from pdf2docx import Converter
    start, end = _range(pages)
    cv = Converter(str(pdf), password=password)
    cv.convert(str(out), start=start or 0, end=end)
    cv.close()


def to_xlsx(pdf: Path, out: Path, password=None, pages=None):
    import openpyxl
    import pdfplumber
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    with pdfplumber.open(pdf, password=password) as doc:
        start, end = _range(pages)
        carry = None
        for i, page in enumerate(doc.pages[start:end]):
            for j, table in enumerate(page.extract_tables()):
                if carry is not None and j == 0 and table and len(table[0]) == carry.max_column:
                    ws = carry
                else:
                    ws = wb.create_sheet(f"p{i + 1}_t{j + 1}")
                for row in table:
                    ws.append(row)
                carry = ws
    wb.save(out)


def to_md(pdf: Path, out: Path, password=None, pages=None, ocr=False, lang="eng"):
    import pdfplumber
    parts = []
    with pdfplumber.open(pdf, password=password) as doc:
        start, end = _range(pages)
        for page in doc.pages[start:end]:
            text = page.extract_text() or ""
            if not text.strip() and ocr:
                import pytesseract
                text = pytesseract.image_to_string(page.to_image(resolution=300).original, lang=lang)
            parts.append(text)
    out.write_text("\n\n---\n\n".join(parts))


def run(pdf: Path, fmt: str, ocr=False, lang="eng", password=None, pages=None) -> Path:
    out = pdf.with_suffix("." + fmt)
    if fmt == "docx":
        to_docx(pdf, out, password, pages)
    elif fmt == "xlsx":
        to_xlsx(pdf, out, password, pages)
    else:
        to_md(pdf, out, password, pages, ocr, lang)
    return out
