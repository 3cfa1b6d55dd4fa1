#!/usr/bin/env python3
"""Report or strip direct formatting in a .docx.

usage:
  direct_fmt.py report IN.docx
  direct_fmt.py clean IN.docx -o OUT.docx --strip font,size,color[,highlight,spacing,indent,emphasis]
                      [--skip-tables] [--promote-headings] [--all-parts]
"""
import argparse
import collections
import json
import sys

from docx import Document
from docx.oxml.ns import qn

RUN_PROPS = {
    "font": ["w:rFonts"],
    "size": ["w:sz", "w:szCs"],
    "color": ["w:color"],
    "highlight": ["w:highlight", "w:shd"],
    "emphasis": ["w:b", "w:bCs", "w:i", "w:iCs", "w:u"],
}
PARA_PROPS = {
    "spacing": ["w:spacing", "w:contextualSpacing"],
    "indent": ["w:ind"],
}


def iter_paragraphs(doc, all_parts=False, skip_tables=False):
    n = 0
    for p in doc.paragraphs:
        n += 1
        yield n, p, False
    if not skip_tables:
        for t in doc.tables:
            for row in t.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        n += 1
                        yield n, p, True
    if all_parts:
        for s in doc.sections:
            for part in (s.header, s.footer):
                for p in part.paragraphs:
                    n += 1
                    yield n, p, False


def has_revisions(doc):
    body = doc.element.body
    return body.find(".//" + qn("w:ins")) is not None or body.find(".//" + qn("w:del")) is not None


def run_signature(r):
    f = r.font
    return f"{f.name or '(style)'} {f.size.pt if f.size else '(style)'}pt"


def report(path):
    doc = Document(path)
    fonts = collections.defaultdict(list)
    colors = collections.defaultdict(list)
    spacing, indent, highlight, fake = [], [], [], []
    for n, p, _ in iter_paragraphs(doc, all_parts=True):
        pPr = p._p.pPr
        if pPr is not None and pPr.find(qn("w:spacing")) is not None:
            spacing.append(n)
        if pPr is not None and pPr.find(qn("w:ind")) is not None:
            indent.append(n)
        for r in p.runs:
            rPr = r._r.rPr
            if rPr is None:
                continue
            if rPr.find(qn("w:rFonts")) is not None or rPr.find(qn("w:sz")) is not None:
                fonts[run_signature(r)].append((n, r.text))
            c = rPr.find(qn("w:color"))
            if c is not None:
                colors[c.get(qn("w:val"))].append((n, r.text))
            if rPr.find(qn("w:highlight")) is not None:
                highlight.append(n)
        text = p.text.strip()
        if (p.style.name == "Normal" and 0 < len(text) < 80 and not text.endswith(".")
                and p.runs and all(r.bold for r in p.runs if r.text.strip())
                and any(r.font.size and r.font.size.pt > 12 for r in p.runs)):
            fake.append((n, text))

    out = [f"# Direct formatting report: {path}\n"]
    if has_revisions(doc):
        out.append("> **Document has tracked changes.** Accept or reject them before cleaning.\n")
    total = sum(len(v) for v in fonts.values())
    out.append(f"## Run fonts ({total} runs)")
    for sig, items in sorted(fonts.items(), key=lambda kv: -len(kv[1])):
        out.append(f"  {sig:<24} -> {len(items)} runs   e.g. ¶{items[0][0]} {items[0][1][:40]!r}")
    out.append(f"## Run colours ({sum(len(v) for v in colors.values())} runs)")
    for val, items in colors.items():
        out.append(f"  #{val} -> {len(items)} runs   e.g. ¶{items[0][0]}")
    out.append(f"## Paragraph spacing overrides ({len(spacing)} paragraphs)")
    out.append(f"## Paragraph indentation overrides ({len(indent)} paragraphs)")
    out.append(f"## Highlighting ({len(highlight)} runs)")
    out.append(f"## Probable fake headings ({len(fake)})")
    for n, t in fake[:20]:
        out.append(f"  ¶{n}: {t[:60]!r}")
    print("\n".join(out))


def promote(p, body_pt=11.0):
    sizes = [r.font.size.pt for r in p.runs if r.font.size]
    if not sizes:
        return None
    s = max(sizes)
    level = 1 if s >= 16 else 2 if s >= 14 else 3 if s > body_pt else None
    if level:
        p.style = p.part.document.styles[f"Heading {level}"]
    return level


def clean(path, out_path, strip, skip_tables, promote_headings, all_parts):
    doc = Document(path)
    if has_revisions(doc):
        sys.exit("refusing: document contains tracked changes; accept/reject them first")
    changes = []
    for n, p, _ in iter_paragraphs(doc, all_parts=all_parts, skip_tables=skip_tables):
        touched = []
        if promote_headings and p.style.name == "Normal":
            lvl = promote(p)
            if lvl:
                touched.append(f"promoted to Heading {lvl}")
        pPr = p._p.pPr
        for kind, tags in PARA_PROPS.items():
            if kind in strip and pPr is not None:
                for t in tags:
                    for el in pPr.findall(qn(t)):
                        pPr.remove(el)
                        touched.append(kind)
        for r in p.runs:
            rPr = r._r.rPr
            if rPr is None:
                continue
            for kind, tags in RUN_PROPS.items():
                if kind not in strip:
                    continue
                for t in tags:
                    for el in rPr.findall(qn(t)):
                        rPr.remove(el)
                        touched.append(kind)
        if touched:
            changes.append({"paragraph": n, "text": p.text[:80], "removed": sorted(set(touched))})
    doc.save(out_path)
    side = out_path.rsplit(".", 1)[0] + ".changes.json"
    with open(side, "w", encoding="utf-8") as fh:
        json.dump(changes, fh, indent=2, ensure_ascii=False)
    print(f"wrote {out_path}; {len(changes)} paragraphs changed (details in {side})")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("input")
    c = sub.add_parser("clean")
    c.add_argument("input")
    c.add_argument("-o", "--output", required=True)
    c.add_argument("--strip", default="font,size,color")
    c.add_argument("--skip-tables", action="store_true")
    c.add_argument("--promote-headings", action="store_true")
    c.add_argument("--all-parts", action="store_true")
    a = ap.parse_args()
    if a.cmd == "report":
        report(a.input)
    else:
        if a.output == a.input:
            sys.exit("output must differ from input")
        clean(a.input, a.output, set(a.strip.split(",")), a.skip_tables, a.promote_headings, a.all_parts)


if __name__ == "__main__":
    main()
