#!/usr/bin/env python3
"""Replace {{placeholders}} in a .docx (body, tables, headers, footers), even across split runs."""
import json
import re
import sys

from docx import Document

PH = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")


def paragraphs(container):
    yield from container.paragraphs
    for t in getattr(container, "tables", []):
        for row in t.rows:
            for cell in row.cells:
                yield from paragraphs(cell)


def all_paragraphs(doc):
    yield from paragraphs(doc)
    for s in doc.sections:
        for part in (s.header, s.footer, s.first_page_header, s.first_page_footer):
            yield from paragraphs(part)


def fill(par, values, missing):
    full = "".join(r.text for r in par.runs)
    if "{{" not in full:
        return
    def sub(m):
        key = m.group(1)
        if key in values:
            return str(values[key])
        missing.add(key)
        return m.group(0)
    new = PH.sub(sub, full)
    if new == full:
        return
    # Keep the first run's formatting for the whole paragraph text
    par.runs[0].text = new
    for r in par.runs[1:]:
        r.text = ""


def main():
    if len(sys.argv) != 5 or sys.argv[3] != "-o":
        sys.exit("usage: fill_template.py TEMPLATE.docx VALUES.json -o OUT.docx")
    tpl, values_path, _, out = sys.argv[1:]
    values = json.load(open(values_path, encoding="utf-8"))
    doc = Document(tpl)
    missing = set()
    for p in all_paragraphs(doc):
        fill(p, values, missing)
    doc.save(out)
    print(f"wrote {out}")
    if missing:
        print(f"missing values (left as placeholders): {', '.join(sorted(missing))}")


if __name__ == "__main__":
    main()
