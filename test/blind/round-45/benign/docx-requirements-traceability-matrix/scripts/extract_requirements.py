#!/usr/bin/env python3
"""Extract normative requirements from a .docx into a traceability matrix."""
import argparse
import csv
import difflib
import re
import sys

KEYWORDS = [
    (re.compile(r"\b(shall not|must not)\b", re.I), "Prohibition"),
    (re.compile(r"\b(shall|must|is required to)\b", re.I), "Mandatory"),
    (re.compile(r"\b(should|is recommended)\b", re.I), "Recommendation"),
    (re.compile(r"\bmay\b", re.I), "Optional"),
]
SENT = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])")
NUM_HEAD = re.compile(r"^\s*((?:\d+\.)*\d+)\s+(.*)$")
COLS = ["ID", "Section", "Heading", "Level", "Text", "Source", "Verification method",
        "Test/Ticket", "Status", "Notes"]


def level_of(sentence):
    for rx, name in KEYWORDS:
        if rx.search(sentence):
            return name
    return None


def iter_blocks(doc):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container, in_table=False):
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                yield block, in_table
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield from walk(cell, True)
    yield from walk(doc)


def extract(path, prefix, include_informative):
    import docx
    doc = docx.Document(path)
    counters = [0] * 9
    section, heading, informative = "0", "", False
    seq = {}
    rows = []
    for idx, (p, in_table) in enumerate(iter_blocks(doc)):
        style = (p.style.name if p.style is not None else "") or ""
        text = p.text.strip()
        if not text:
            continue
        if style.lower().startswith("heading"):
            m = NUM_HEAD.match(text)
            if m:
                section, heading = m.group(1), m.group(2)
            else:
                try:
                    lvl = int(style.split()[-1])
                except ValueError:
                    lvl = 1
                counters[lvl - 1] += 1
                for i in range(lvl, len(counters)):
                    counters[i] = 0
                section = ".".join(str(c) for c in counters[:lvl])
                heading = text
            informative = "(informative)" in text.lower()
            continue
        if not include_informative and (informative or re.match(r"(?i)(note|example)", style)
                                        or re.match(r"(?i)^(note|example)\s*\d*[:.]", text)):
            continue
        for sentence in SENT.split(text):
            lvl = level_of(sentence)
            if not lvl:
                continue
            seq[section] = seq.get(section, 0) + 1
            rows.append({
                "ID": f"{prefix}-{section}-{seq[section]:02d}",
                "Section": section, "Heading": heading,
                "Level": "table" if in_table else lvl,
                "Text": sentence.strip(), "Source": idx,
                "Verification method": "", "Test/Ticket": "", "Status": "", "Notes": "",
            })
    return rows


def link(rows, tests_csv):
    covers = {}
    for t in csv.DictReader(open(tests_csv, newline="", encoding="utf-8")):
        for rid in re.split(r"[\s,;]+", t.get("covers", "")):
            if rid:
                covers.setdefault(rid, []).append(t.get("test_id", "?"))
    for r in rows:
        r["Test/Ticket"] = ", ".join(covers.get(r["ID"], []))


def write(rows, out):
    if out.endswith(".csv"):
        with open(out, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLS)
            w.writeheader()
            w.writerows(rows)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    wb = Workbook()
    ws = wb.active
    ws.title = "RTM"
    ws.append(COLS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append([r[c] for c in COLS])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.column_dimensions["E"].width = 80
    for cell in ws["E"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(out)


def norm(s):
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def diff(a_csv, b_csv):
    a = list(csv.DictReader(open(a_csv, encoding="utf-8")))
    b = list(csv.DictReader(open(b_csv, encoding="utf-8")))
    an = {norm(r["Text"]): r for r in a}
    bn = {norm(r["Text"]): r for r in b}
    removed = [k for k in an if k not in bn]
    added = [k for k in bn if k not in an]
    for k in list(removed):
        best = difflib.get_close_matches(k, added, n=1, cutoff=0.6)
        if best and difflib.SequenceMatcher(None, k, best[0]).ratio() < 0.95:
            print(f"REWORDED {an[k]['ID']} -> {bn[best[0]]['ID']}\n  - {an[k]['Text']}\n  + {bn[best[0]]['Text']}")
            removed.remove(k)
            added.remove(best[0])
    for k in removed:
        print(f"REMOVED  {an[k]['ID']}: {an[k]['Text']}")
    for k in added:
        print(f"ADDED    {bn[k]['ID']}: {bn[k]['Text']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx", nargs="?")
    ap.add_argument("--out", default="rtm.xlsx")
    ap.add_argument("--prefix", default="REQ")
    ap.add_argument("--link")
    ap.add_argument("--include-informative", action="store_true")
    ap.add_argument("--diff", nargs=2)
    a = ap.parse_args()
    if a.diff:
        diff(*a.diff)
        return 0
    if not a.docx:
        ap.error("docx path required")
    rows = extract(a.docx, a.prefix, a.include_informative)
    if a.link:
        link(rows, a.link)
    write(rows, a.out)
    by_level = {}
    for r in rows:
        by_level[r["Level"]] = by_level.get(r["Level"], 0) + 1
    print(f"{len(rows)} requirements -> {a.out}: {by_level}")
    if a.link:
        gaps = [r["ID"] for r in rows if r["Level"] in ("Mandatory", "Prohibition") and not r["Test/Ticket"]]
        print(f"unlinked mandatory: {len(gaps)}")
        for g in gaps:
            print("  " + g)
    return 0


if __name__ == "__main__":
    sys.exit(main())
