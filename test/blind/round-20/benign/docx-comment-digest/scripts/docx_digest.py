#!/usr/bin/env python3
"""Read-only digest of comments and tracked changes in .docx files."""
from __future__ import annotations

import argparse
import csv
import sys
import zipfile
from dataclasses import dataclass, asdict, field
from pathlib import Path
import xml.etree.ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = {"w": W, "w14": W14, "w15": W15}


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return "{%s}%s" % (NS[prefix], local)


@dataclass
class Item:
    file: str
    kind: str
    id: str
    author: str
    date: str
    paragraph: int
    anchor: str = ""
    text: str = ""
    resolved: str = ""
    section: str = ""


def text_of(el: ET.Element) -> str:
    parts = []
    for node in el.iter():
        if node.tag in (q("w:t"), q("w:delText")) and node.text:
            parts.append(node.text)
        elif node.tag == q("w:tab"):
            parts.append("\t")
    return "".join(parts)


def load_comments(z: zipfile.ZipFile) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if "word/comments.xml" not in z.namelist():
        return out
    root = ET.fromstring(z.read("word/comments.xml"))
    for c in root.findall("w:comment", NS):
        cid = c.get(q("w:id"))
        paras = c.findall(".//w:p", NS)
        para_id = paras[-1].get(q("w14:paraId")) if paras else None
        out[cid] = {
            "author": c.get(q("w:author"), ""),
            "initials": c.get(q("w:initials"), ""),
            "date": c.get(q("w:date"), ""),
            "text": "\n".join(text_of(p) for p in paras).strip(),
            "para_id": para_id,
        }
    return out


def load_extended(z: zipfile.ZipFile) -> dict[str, dict]:
    """paraId -> {done, parent}"""
    name = "word/commentsExtended.xml"
    if name not in z.namelist():
        return {}
    root = ET.fromstring(z.read(name))
    ext = {}
    for ce in root.findall("w15:commentEx", NS):
        ext[ce.get(q("w15:paraId"))] = {
            "done": ce.get(q("w15:done")) == "1",
            "parent": ce.get(q("w15:paraIdParent")),
        }
    return ext


def walk_part(z, part, fname, comments, ext, with_sections):
    items: list[Item] = []
    open_anchors: dict[str, list[str]] = {}
    anchors: dict[str, tuple[int, str]] = {}
    heading = ""
    para_idx = 0
    root = ET.fromstring(z.read(part))
    for p in root.iter(q("w:p")):
        para_idx += 1
        style = p.find("w:pPr/w:pStyle", NS)
        ptext = text_of(p)
        if style is not None and style.get(q("w:val"), "").lower().startswith("heading"):
            heading = ptext.strip()
        for node in p.iter():
            tag = node.tag
            if tag == q("w:commentRangeStart"):
                open_anchors[node.get(q("w:id"))] = []
            elif tag == q("w:commentRangeEnd"):
                cid = node.get(q("w:id"))
                anchors[cid] = (para_idx, "".join(open_anchors.pop(cid, [])))
            elif tag in (q("w:t"), q("w:delText")) and node.text:
                for buf in open_anchors.values():
                    buf.append(node.text)
            elif tag in (q("w:ins"), q("w:del"), q("w:moveFrom"), q("w:moveTo")):
                kind = {"ins": "insertion", "del": "deletion"}.get(tag.split("}")[1], "move")
                items.append(Item(fname, kind, node.get(q("w:id"), ""), node.get(q("w:author"), ""),
                                  node.get(q("w:date"), ""), para_idx, "", text_of(node)[:500], "",
                                  heading if with_sections else ""))
    by_para = {v["para_id"]: k for k, v in comments.items() if v["para_id"]}
    for cid, c in comments.items():
        pidx, anchor = anchors.get(cid, (0, ""))
        e = ext.get(c["para_id"] or "", {})
        kind = "reply" if e.get("parent") in by_para else "comment"
        author = c["author"] + (f" ({c['initials']})" if c["initials"] else "")
        items.append(Item(fname, kind, cid, author, c["date"], pidx, anchor[:200], c["text"],
                          "yes" if e.get("done") else ("no" if e else ""), ""))
    return items


def digest(path: Path, include_headers: bool, with_sections: bool) -> list[Item]:
    with zipfile.ZipFile(path) as z:
        comments = load_comments(z)
        ext = load_extended(z)
        items = walk_part(z, "word/document.xml", path.name, comments, ext, with_sections)
        if include_headers:
            for n in z.namelist():
                if n.startswith(("word/header", "word/footer")) and n.endswith(".xml"):
                    items += walk_part(z, n, f"{path.name}:{n}", {}, {}, False)
    return items


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--format", choices=["md", "csv"], default="md")
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--only", choices=["comments", "changes"])
    ap.add_argument("--author")
    ap.add_argument("--since", help="ISO date; keep items dated on/after it")
    ap.add_argument("--include-headers", action="store_true")
    ap.add_argument("--with-sections", action="store_true")
    args = ap.parse_args(argv)

    rows: list[Item] = []
    for f in args.files:
        try:
            rows += digest(f, args.include_headers, args.with_sections)
        except zipfile.BadZipFile:
            print(f"{f}: not a ZIP container (password-protected or not .docx)", file=sys.stderr)
    if args.only == "comments":
        rows = [r for r in rows if r.kind in ("comment", "reply")]
    elif args.only == "changes":
        rows = [r for r in rows if r.kind not in ("comment", "reply")]
    if args.author:
        rows = [r for r in rows if args.author.lower() in r.author.lower()]
    if args.since:
        rows = [r for r in rows if r.date[:10] >= args.since]

    out = open(args.output, "w", newline="", encoding="utf-8-sig") if args.output else sys.stdout
    try:
        if args.format == "csv":
            w = csv.DictWriter(out, fieldnames=list(asdict(rows[0]).keys()) if rows else ["file"])
            w.writeheader()
            for r in rows:
                w.writerow(asdict(r))
        else:
            current = None
            for r in rows:
                if r.file != current:
                    current = r.file
                    out.write(f"\n## {current}\n\n| kind | author | date | para | anchor | text | resolved |\n")
                    out.write("|---|---|---|---|---|---|---|\n")
                cell = lambda s: s.replace("|", "\\|").replace("\n", "<br>")
                out.write(f"| {r.kind} | {cell(r.author)} | {r.date[:10]} | {r.paragraph} | "
                          f"{cell(r.anchor)} | {cell(r.text)} | {r.resolved} |\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
