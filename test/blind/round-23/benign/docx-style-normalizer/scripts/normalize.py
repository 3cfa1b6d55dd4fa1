#!/usr/bin/env python3
"""Apply a style mapping to a copy of a .docx file. Text is never changed."""
import argparse
import json
import re
import shutil
import sys
from pathlib import Path

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    sys.exit("pip install --user python-docx")

STRIP_TAGS = ("w:rFonts", "w:sz", "w:szCs", "w:b", "w:bCs", "w:color")


def first_run_props(par):
    for run in par.runs:
        if run.text.strip():
            size = run.font.size.pt if run.font.size else None
            return run.font.name, size, bool(run.font.bold)
    return None, None, False


def matches(rule, par):
    m = rule["match"]
    text = par.text.strip()
    if not text:
        return False
    name, size, bold = first_run_props(par)
    if "style" in m and (par.style is None or par.style.name != m["style"]):
        return False
    if "bold" in m and bold != m["bold"]:
        return False
    if "size_pt" in m and (size is None or abs(size - m["size_pt"]) > 0.25):
        return False
    if "max_words" in m and len(text.split()) > m["max_words"]:
        return False
    if "text_regex" in m and not re.search(m["text_regex"], text):
        return False
    return True


def strip_direct(par):
    for run in par.runs:
        rpr = run._r.rPr
        if rpr is None:
            continue
        for tag in STRIP_TAGS:
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)


def iter_paragraphs(d, include_tables):
    yield from d.paragraphs
    if include_tables:
        for table in d.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("mapping")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()

    src = Path(args.input)
    out = Path(args.output or src.with_suffix(".normalized.docx"))
    if out.resolve() == src.resolve():
        sys.exit("refusing to overwrite the input; choose a different -o")
    shutil.copyfile(src, out)

    mapping = json.loads(Path(args.mapping).read_text())
    d = docx.Document(str(out))
    available = {s.name for s in d.styles}
    for rule in mapping["rules"]:
        if rule["style"] not in available:
            sys.exit(f"style '{rule['style']}' is not defined in this document; add it in Word first")

    before = sum(len(p.text.split()) for p in d.paragraphs)
    log = []
    for i, par in enumerate(iter_paragraphs(d, mapping.get("include_tables", False))):
        for rule in mapping["rules"]:
            if matches(rule, par):
                old = par.style.name if par.style is not None else "?"
                par.style = d.styles[rule["style"]]
                strip_direct(par)
                log.append(f"{i}\t{old} -> {rule['style']}\t{par.text[:60]}")
                break
        else:
            if mapping.get("body_font") and par.style is not None and par.style.name == "Normal":
                for run in par.runs:
                    run.font.name = None
                    run.font.size = None

    after = sum(len(p.text.split()) for p in d.paragraphs)
    if before != after:
        sys.exit(f"word count changed ({before} -> {after}); not saving")
    d.save(str(out))
    Path(str(out) + ".changes.txt").write_text("\n".join(log) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(log)} paragraphs restyled; log in {out}.changes.txt")


if __name__ == "__main__":
    main()
