#!/usr/bin/env python3
"""Build a .docx report from a YAML outline."""
import argparse
import sys
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor


def add_toc(doc):
    para = doc.add_paragraph()
    run = para.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-3" \\h \\z \\u'
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "Right-click and choose Update Field to build the table of contents."
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, sep, placeholder, end):
        run._r.append(el)


def add_page_numbers(doc):
    for section in doc.sections:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)


def shade(cell, hex_fill="D9E2F3"):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def is_number(value):
    try:
        float(str(value).replace(",", "").rstrip("%"))
        return True
    except ValueError:
        return False


def add_table(doc, spec):
    columns = spec["columns"]
    rows = spec.get("rows", [])
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for i, name in enumerate(columns):
        cell = table.rows[0].cells[i]
        cell.text = str(name)
        cell.paragraphs[0].runs[0].bold = True
        shade(cell)
    for row in rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].text = "" if value is None else str(value)
            if is_number(value):
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def build(outline_path: Path, out_path: Path, template: str | None, font: str):
    outline = yaml.safe_load(outline_path.read_text(encoding="utf-8"))
    doc = Document(template) if template else Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(11)

    doc.add_heading(outline.get("title", "Report"), level=0)
    if outline.get("author"):
        p = doc.add_paragraph(outline["author"])
        p.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if outline.get("toc"):
        add_toc(doc)
        doc.add_page_break()

    base = outline_path.parent
    for section in outline.get("sections", []):
        doc.add_heading(section["heading"], level=section.get("level", 1))
        for para in str(section.get("body", "")).strip().split("\n"):
            if para.strip():
                doc.add_paragraph(para.strip())
        if "table" in section:
            add_table(doc, section["table"])
        if "image" in section:
            img = base / section["image"]
            if img.exists():
                doc.add_picture(str(img), width=Inches(min(6.0, section.get("width", 6.0))))
                if section.get("caption"):
                    cap = doc.add_paragraph(section["caption"], style="Caption")
                    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                print(f"warning: image not found: {img}", file=sys.stderr)

    add_page_numbers(doc)
    doc.save(out_path)
    print(f"wrote {out_path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outline", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("report.docx"))
    ap.add_argument("--template")
    ap.add_argument("--font", default="Calibri")
    args = ap.parse_args()
    build(args.outline, args.output, args.template, args.font)


if __name__ == "__main__":
    main()
