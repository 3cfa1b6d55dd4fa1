#!/usr/bin/env python3
"""Convert a practical subset of Markdown into a styled .docx using python-docx."""
import argparse
import os
import re
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)")


def add_field(run, instr):
    for kind in ("begin", None, "end"):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        run._r.append(el)


def add_inline(par, text):
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`"):
            r = par.add_run(piece[1:-1])
            r.font.name = "Consolas"
            r.font.size = Pt(9.5)
        elif piece.startswith("*"):
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def shade(par, fill="EDF2F7"):
    pPr = par._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    pPr.append(shd)


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows if not re.match(r"^\s*\|?\s*:?-{3,}", r)]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=0, cols=width)
    try:
        table.style = "Light Grid Accent 1"
    except KeyError:
        table.style = "Table Grid"
    for i, r in enumerate(cells):
        row = table.add_row().cells
        for j in range(width):
            p = row[j].paragraphs[0]
            add_inline(p, r[j] if j < len(r) else "")
            if i == 0:
                for run in p.runs:
                    run.bold = True
    trPr = table.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")
    hdr.set(qn("w:val"), "true")
    trPr.append(hdr)


def text_width(doc):
    s = doc.sections[-1]
    return s.page_width - s.left_margin - s.right_margin


def convert(md_path, out, reference=None, title=None, toc=False, page_numbers=False):
    doc = Document(reference) if reference else Document()
    if reference:  # keep styles/headers, drop the reference's body content
        body = doc.element.body
        for el in list(body):
            if el.tag != qn("w:sectPr"):
                body.remove(el)
    base = os.path.dirname(os.path.abspath(md_path))
    if title:
        doc.add_heading(title, level=0)
    if toc:
        add_field(doc.add_paragraph().add_run(), 'TOC \\o "1-3" \\h \\z \\u')
        doc.add_page_break()

    lines = open(md_path, encoding="utf-8").read().splitlines()
    i, para = 0, []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        if m := re.match(r"^(#{1,4})\s+(.*)", line):
            flush()
            doc.add_heading(m.group(2).strip(), level=len(m.group(1)))
        elif line.strip() == "---":
            flush()
            doc.add_page_break()
        elif line.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"^(\s*)([-*]|\d+[.)])\s+(.*)", line):
            flush()
            level = 2 if len(m.group(1)) >= 2 else 1
            kind = "List Number" if m.group(2)[0].isdigit() else "List Bullet"
            style = kind if level == 1 else f"{kind} 2"
            add_inline(doc.add_paragraph(style=style), m.group(3))
        elif m := re.match(r"^!\[([^\]]*)\]\(([^)]+)\)", line.strip()):
            flush()
            path = os.path.join(base, m.group(2))
            if os.path.exists(path):
                doc.add_picture(path, width=min(text_width(doc), Cm(16)))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                if m.group(1):
                    cap = doc.add_paragraph(m.group(1), style="Caption")
                    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                print(f"warning: image not found: {path}", file=sys.stderr)
        elif line.startswith(">"):
            flush()
            p = doc.add_paragraph()
            add_inline(p, line.lstrip("> ").strip())
            shade(p)
        elif not line.strip():
            flush()
        else:
            para.append(line.strip())
        i += 1
    flush()

    if page_numbers:
        for s in doc.sections:
            p = s.footer.paragraphs[0] if s.footer.paragraphs else s.footer.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_field(p.add_run(), "PAGE")
    doc.save(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("markdown")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--reference-docx")
    ap.add_argument("--title")
    ap.add_argument("--toc", action="store_true")
    ap.add_argument("--page-numbers", action="store_true")
    a = ap.parse_args()
    convert(a.markdown, a.out, a.reference_docx, a.title, a.toc, a.page_numbers)
