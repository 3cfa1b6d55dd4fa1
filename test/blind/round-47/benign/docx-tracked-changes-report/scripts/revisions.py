#!/usr/bin/env python3
"""List tracked changes and comments in a .docx. Read-only, stdlib only."""
import argparse
import csv
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]
KINDS = {f"{W}ins": "ins", f"{W}del": "del", f"{W}moveFrom": "move-from", f"{W}moveTo": "move-to"}


def text_of(el, deleted=False):
    tag = f"{W}delText" if deleted else f"{W}t"
    return "".join(t.text or "" for t in el.iter(tag))


def accepted_text(p):
    out = []
    for node in p.iter():
        if node.tag == f"{W}t":
            out.append(node.text or "")
    return "".join(out)


def style_of(p):
    ps = p.find(f"{W}pPr/{W}pStyle")
    return ps.get(f"{W}val") if ps is not None else ""


def scan(zf):
    rows = []
    names = set(zf.namelist())
    parts = PARTS + sorted(n for n in names if n.startswith("word/header") or n.startswith("word/footer"))
    comments = {}
    if "word/comments.xml" in names:
        for c in ET.fromstring(zf.read("word/comments.xml")).iter(f"{W}comment"):
            comments[c.get(f"{W}id")] = c
    for part in parts:
        if part not in names:
            continue
        root = ET.fromstring(zf.read(part))
        heading = ""
        for i, p in enumerate(root.iter(f"{W}p")):
            if style_of(p).lower().startswith("heading"):
                heading = accepted_text(p)[:50]
            ctx = f"{part.split('/')[-1]}#{i} {accepted_text(p)[:60]}"
            for el in p.iter():
                kind = KINDS.get(el.tag)
                if kind:
                    txt = text_of(el, deleted=(kind in ("del", "move-from")))
                    rows.append([kind, el.get(f"{W}author", ""), el.get(f"{W}date", ""), heading, ctx, txt])
                elif el.tag == f"{W}rPrChange":
                    rows.append(["format", el.get(f"{W}author", ""), el.get(f"{W}date", ""), heading, ctx, ""])
                elif el.tag == f"{W}commentRangeStart":
                    c = comments.get(el.get(f"{W}id"))
                    if c is not None:
                        rows.append(["comment", c.get(f"{W}author", ""), c.get(f"{W}date", ""), heading, ctx,
                                     " ".join(accepted_text(cp) for cp in c.iter(f"{W}p"))])
                elif el.tag == f"{W}r" and el.find(f"{W}rPr/{W}vanish") is not None:
                    rows.append(["hidden", "", "", heading, ctx, text_of(el)])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--csv")
    ap.add_argument("--author")
    ap.add_argument("--since", help="YYYY-MM-DD")
    a = ap.parse_args()
    with zipfile.ZipFile(a.docx) as zf:
        rows = scan(zf)
    if a.author:
        rows = [r for r in rows if r[1] == a.author]
    if a.since:
        rows = [r for r in rows if not r[2] or r[2][:10] >= a.since]
    header = ["type", "author", "date", "section", "paragraph", "text"]
    if a.csv:
        with open(a.csv, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([header] + rows)
        print(f"{len(rows)} rows -> {a.csv}")
        return
    print("| # | " + " | ".join(header) + " |")
    print("|---" * (len(header) + 1) + "|")
    for n, r in enumerate(rows, 1):
        cells = [str(c).replace("|", "\\|").replace("\n", " ")[:120] for c in r]
        print(f"| {n} | " + " | ".join(cells) + " |")
    if not rows:
        print("(no tracked changes or comments found)", file=sys.stderr)


if __name__ == "__main__":
    main()
