#!/usr/bin/env python3
"""Print a .docx as Markdown-ish text: headings, paragraphs, lists, tables (in order)."""
import sys
import zipfile
import xml.etree.ElementTree as ET

from docx import Document
from docx.table import Table
from docx.oxml.ns import nsmap
from docx.text.paragraph import Paragraph

W = "{%s}" % nsmap["w"]


def blocks(doc):
    for child in doc.element.body.iterchildren():
        if child.tag == W + "p":
            yield Paragraph(child, doc)
        elif child.tag == W + "tbl":
            yield Table(child, doc)


def main():
    path = sys.argv[1]
    doc = Document(path)
    for b in blocks(doc):
        if isinstance(b, Paragraph):
            style = b.style.name if b.style is not None else ""
            text = b.text.strip()
            if not text:
                continue
            if style.startswith("Heading"):
                lvl = style.split()[-1]
                print("#" * (int(lvl) if lvl.isdigit() else 1), text)
            elif style == "Title":
                print("#", text)
            elif "List" in style:
                print("-", text)
            else:
                print(text)
            print()
        else:
            rows = [[c.text.strip().replace("\n", " ") for c in r.cells] for r in b.rows]
            if rows:
                print("| " + " | ".join(rows[0]) + " |")
                print("|" + "---|" * len(rows[0]))
                for r in rows[1:]:
                    print("| " + " | ".join(r) + " |")
                print()
    if "--comments" in sys.argv:
        with zipfile.ZipFile(path) as z:
            if "word/comments.xml" in z.namelist():
                root = ET.fromstring(z.read("word/comments.xml"))
                print("## Comments")
                for c in root.iter(W + "comment"):
                    text = "".join(t.text or "" for t in c.iter(W + "t"))
                    print(f"- {c.get(W + 'author')}: {text}")


if __name__ == "__main__":
    main()
