#!/usr/bin/env python3
"""Lint and fix heading structure in .docx files."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import defaultdict

from docx import Document
from docx.oxml.ns import qn

NUM_RE = re.compile(r"^(?:(?:Chapter|Section)\s+\d+[:.]?\s+|\d+(?:\.\d+)*[.)]?\s+|[A-Z]\.\s+)")


def style_level(style) -> int | None:
    """Return heading level for a style: 0 Title, 1..9 Heading, None otherwise."""
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        sid = style.style_id or ""
        if sid == "Title":
            return 0
        m = re.fullmatch(r"Heading([1-9])", sid)
        if m:
            return int(m.group(1))
        pPr = style.element.find(qn("w:pPr"))
        if pPr is not None:
            ol = pPr.find(qn("w:outlineLvl"))
            if ol is not None and ol.get(qn("w:val")) not in (None, "9"):
                return int(ol.get(qn("w:val"))) + 1
        style = style.base_style
    return None


def para_level(p) -> int | None:
    pPr = p._p.pPr
    if pPr is not None:
        ol = pPr.find(qn("w:outlineLvl"))
        if ol is not None and ol.get(qn("w:val")) not in (None, "9"):
            return int(ol.get(qn("w:val"))) + 1
    return style_level(p.style)


def fake_heading_score(p) -> tuple[float, str]:
    text = p.text.strip()
    if not text or len(text) > 90 or text.endswith((".", ":", ";", ",")):
        return 0.0, ""
    runs = [r for r in p.runs if r.text.strip()]
    if not runs:
        return 0.0, ""
    bold = all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)
    sizes = [r.font.size.pt for r in runs if r.font.size]
    big = bool(sizes) and min(sizes) >= 13
    score = 0.0
    why = []
    if bold:
        score += 0.45
        why.append("bold")
    if big:
        score += 0.3
        why.append(f"{min(sizes):.0f}pt")
    if NUM_RE.match(text):
        score += 0.2
        why.append("numbered")
    if len(text.split()) <= 8:
        score += 0.1
    if p.text.isupper():
        score += 0.1
        why.append("all caps")
    return min(score, 1.0), ", ".join(why)


def analyse(doc, min_conf: float):
    outline, findings = [], []
    by_text = defaultdict(list)
    prev = None
    for i, p in enumerate(doc.paragraphs):
        lvl = para_level(p)
        text = p.text.strip()
        if lvl is not None:
            outline.append({"para": i, "level": lvl, "text": text, "style": p.style.name})
            if not text:
                findings.append({"kind": "empty-heading", "para": i, "text": "", "detail": f"{p.style.name} with no text"})
                continue
            if prev is not None and lvl > prev + 1 and lvl > 0:
                findings.append({"kind": "skipped-level", "para": i, "text": text, "detail": f"H{prev} -> H{lvl}"})
            if NUM_RE.match(text):
                findings.append({"kind": "manual-number", "para": i, "text": text,
                                 "detail": f"typed number '{NUM_RE.match(text).group(0).strip()}'"})
            by_text[(lvl, text.lower())].append(i)
            prev = lvl if lvl > 0 else prev
        else:
            score, why = fake_heading_score(p)
            if score >= min_conf:
                outline.append({"para": i, "level": None, "text": text, "style": p.style.name, "why": why})
                findings.append({"kind": "fake-heading", "para": i, "text": text,
                                 "detail": f"{p.style.name} + {why} (confidence {score:.2f})"})
    for (lvl, _), idxs in by_text.items():
        if len(idxs) > 1:
            findings.append({"kind": "duplicate", "para": idxs[0], "paras": idxs,
                             "text": doc.paragraphs[idxs[0]].text.strip(), "detail": f"same text at H{lvl}"})
    table_heads = sum(1 for t in doc.tables for row in t.rows for c in row.cells
                      for p in c.paragraphs if para_level(p) is not None)
    if table_heads:
        findings.append({"kind": "heading-in-table", "para": -1, "text": "",
                         "detail": f"{table_heads} heading-styled paragraph(s) inside tables"})
    return outline, findings


def print_report(outline, findings) -> None:
    print("OUTLINE")
    for o in outline:
        if o["level"] is None:
            print(f"  ??  {o['text'][:60]}  ({o['style']}, {o.get('why', '')})")
        else:
            tag = "T " if o["level"] == 0 else f"H{o['level']}"
            print(f"  {'  ' * max(o['level'] - 1, 0)}{tag}  {o['text'][:60] or '<empty>'}")
    print("\nFINDINGS")
    if not findings:
        print("  none")
    for f in findings:
        where = f"paras {', '.join(map(str, f['paras']))}" if "paras" in f else f"para {f['para']}"
        print(f"  {f['kind']:<16} {where:<12} {json.dumps(f['text'][:40]):<42} {f['detail']}")


def apply_fixes(src: str, plan: str, out: str) -> None:
    shutil.copyfile(src, out)
    doc = Document(out)
    paras = doc.paragraphs
    to_delete = []
    for line in open(plan, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        idx_s, *actions = line.split()
        idx = int(idx_s)
        p = paras[idx]
        rest = " ".join(actions)
        m = re.search(r"style=(.+?)(?:\s+(?:strip-number|delete-if-empty)|$)", rest)
        if m:
            p.style = doc.styles[m.group(1).strip()]
            for r in p.runs:  # drop direct formatting that faked the heading
                r.bold = None
                r.font.size = None
        if "strip-number" in actions and p.runs:
            first = p.runs[0]
            first.text = NUM_RE.sub("", first.text, count=1)
        if "delete-if-empty" in actions and not p.text.strip():
            to_delete.append(p)
        print(f"para {idx}: {rest}")
    for p in to_delete:
        p._element.getparent().remove(p._element)
    doc.save(out)
    print(f"wrote {out}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--json")
    ap.add_argument("--min-confidence", type=float, default=0.7)
    ap.add_argument("--apply", metavar="FIXES")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    if a.apply:
        if not a.output or a.output == a.docx:
            sys.exit("--apply needs -o pointing at a new file; the original is never modified")
        apply_fixes(a.docx, a.apply, a.output)
        return 0
    doc = Document(a.docx)
    outline, findings = analyse(doc, a.min_confidence)
    print_report(outline, findings)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump({"outline": outline, "findings": findings}, fh, indent=2)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
