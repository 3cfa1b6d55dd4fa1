#!/usr/bin/env python3
"""Build a .docx report from a JSON spec, or replace text across runs in an existing file."""
import argparse
import json

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def build(spec, template, out):
    doc = Document(template) if template else Document()
    doc.add_heading(spec["title"], level=0)
    if spec.get("subtitle"):
        doc.add_paragraph(spec["subtitle"], style="Subtitle")
    for sec in spec.get("sections", []):
        doc.add_heading(sec["heading"], level=sec.get("level", 1))
        for p in sec.get("paragraphs", []):
            doc.add_paragraph(p)
        for b in sec.get("bullets", []):
            doc.add_paragraph(b, style="List Bullet")
        if sec.get("table"):
            rows = sec["table"]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    cell = t.cell(i, j)
                    cell.text = str(v)
                    if i and j and str(v).replace(" ", "").replace(",", "").replace(".", "").isdigit():
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            repeat_header(t.rows[0])
    doc.save(out)


def replace(path, old, new, out):
    doc = Document(path)
    hits = 0
    for para in doc.paragraphs:
        if old not in para.text:
            continue
        full = "".join(r.text for r in para.runs)
        for i, r in enumerate(para.runs):
            r.text = full.replace(old, new) if i == 0 else ""
        hits += 1
    doc.save(out)
    print(f"replaced in {hits} paragraph(s)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec_or_doc")
    ap.add_argument("--out")
    ap.add_argument("--template")
    ap.add_argument("--replace", nargs=2, metavar=("OLD", "NEW"))
    a = ap.parse_args()
    if a.replace:
        replace(a.spec_or_doc, *a.replace, a.out or a.spec_or_doc.replace(".docx", ".edited.docx"))
    else:
        with open(a.spec_or_doc, encoding="utf-8") as fh:
            build(json.load(fh), a.template, a.out or "report.docx")


if __name__ == "__main__":
    main()
