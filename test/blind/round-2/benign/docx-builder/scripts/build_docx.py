#!/usr/bin/env python3
"""Build a .docx from a JSON spec using python-docx."""
from __future__ import annotations

import argparse
import json
import re
import sys

try:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm
except ImportError:
    sys.exit("python-docx is required: python3 -m pip install python-docx")

SIZES = {"A4": (Cm(21.0), Cm(29.7)), "Letter": (Cm(21.59), Cm(27.94))}
INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def add_runs(par, text: str) -> None:
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*"):
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def add_field(par, instr: str) -> None:
    run = par.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate"), ("w:t", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), attr)
        elif tag == "w:instrText":
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        else:
            el.text = "Right-click to update field." if "TOC" in instr else "1"
        run._r.append(el)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def replace_across_runs(par, old: str, new: str) -> bool:
    full = "".join(r.text for r in par.runs)
    idx = full.find(old)
    if idx < 0:
        return False
    pos, start_run = 0, None
    for i, r in enumerate(par.runs):
        if start_run is None and pos + len(r.text) > idx:
            start_run, offset = i, idx - pos
        pos += len(r.text)
    remaining = len(old)
    for i in range(start_run, len(par.runs)):
        r = par.runs[i]
        t = r.text
        if i == start_run:
            take = min(remaining, len(t) - offset)
            r.text = t[:offset] + new + t[offset + take:]
        else:
            take = min(remaining, len(t))
            r.text = t[take:]
        remaining -= take
        if remaining <= 0:
            break
    return True


def setup_page(doc, page: dict) -> None:
    sec = doc.sections[0]
    w, h = SIZES.get(page.get("size", "A4"), SIZES["A4"])
    if page.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        w, h = h, w
    sec.page_width, sec.page_height = w, h
    m = Cm(page.get("margins_cm", 2.5))
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = m
    if page.get("header"):
        sec.header.paragraphs[0].text = page["header"]
    if page.get("footer_page_numbers"):
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("Page ")
        add_field(p, "PAGE")
        p.add_run(" of ")
        add_field(p, "NUMPAGES")


def build(spec: dict, out: str, template: str | None) -> None:
    doc = Document(template) if template else Document()
    if template:
        for p in list(doc.paragraphs):
            p._element.getparent().remove(p._element)
    setup_page(doc, spec.get("page", {}))
    props = spec.get("properties", {})
    for k in ("title", "author", "subject", "keywords"):
        if k in props:
            setattr(doc.core_properties, k, props[k])

    for b in spec["blocks"]:
        t = b["type"]
        if t == "title":
            doc.add_heading(b["text"], level=0)
        elif t == "heading":
            doc.add_heading(b["text"], level=b.get("level", 1))
        elif t == "paragraph":
            p = doc.add_paragraph(style=b.get("style"))
            add_runs(p, b["text"])
        elif t in ("bullets", "numbered"):
            style = "List Bullet" if t == "bullets" else "List Number"
            for item in b["items"]:
                add_runs(doc.add_paragraph(style=style), item)
        elif t == "table":
            rows = b.get("rows", [])
            table = doc.add_table(rows=1 + len(rows), cols=len(b["header"]))
            table.style = b.get("style", "Table Grid")
            for i, h in enumerate(b["header"]):
                cell = table.rows[0].cells[i]
                cell.text = ""
                cell.paragraphs[0].add_run(str(h)).bold = True
            repeat_header(table.rows[0])
            for r, row in enumerate(rows, 1):
                for c, val in enumerate(row):
                    table.rows[r].cells[c].text = str(val)
            if b.get("widths_cm"):
                for row in table.rows:
                    for c, wcm in enumerate(b["widths_cm"]):
                        row.cells[c].width = Cm(wcm)
        elif t == "image":
            doc.add_picture(b["path"], width=Cm(b.get("width_cm", 15)))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if b.get("caption"):
                doc.add_paragraph(b["caption"], style="Caption")
        elif t == "toc":
            doc.add_paragraph("Contents", style="TOC Heading" if "TOC Heading" in [s.name for s in doc.styles] else None)
            add_field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u')
        elif t == "page_break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif t == "replace":
            for p in doc.paragraphs:
                replace_across_runs(p, b["old"], b["new"])
        else:
            raise ValueError(f"unknown block type {t}")
    doc.save(out)
    print(f"wrote {out}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("out")
    ap.add_argument("--template")
    a = ap.parse_args()
    build(json.load(open(a.spec, encoding="utf-8")), a.out, a.template)
    return 0


if __name__ == "__main__":
    sys.exit(main())
