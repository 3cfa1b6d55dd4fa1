#!/usr/bin/env python3
"""Digest the tracked changes in a .docx file.

Reads word/document.xml (and optionally notes/headers/footers) straight out of the
zip container and lists every w:ins, w:del, w:moveFrom/w:moveTo and formatting change
with its author, date and the section heading it falls under.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from dataclasses import asdict, dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


TYPE_TAGS = {
    q("ins"): "insert",
    q("del"): "delete",
    q("moveFrom"): "move-from",
    q("moveTo"): "move-to",
    q("rPrChange"): "format",
    q("pPrChange"): "format",
}

EXTRA_PARTS = re.compile(r"^word/(footnotes|endnotes|header\d*|footer\d*)\.xml$")


@dataclass
class Revision:
    idx: int
    part: str
    type: str
    author: str
    date: str
    text: str
    section: str
    before: str = ""
    after: str = ""
    old: str = ""
    move_name: str = ""
    extra: dict = field(default_factory=dict)


def run_text(el) -> str:
    parts = []
    for node in el.iter():
        if node.tag in (q("t"), q("delText")):
            parts.append(node.text or "")
        elif node.tag == q("tab"):
            parts.append("\t")
        elif node.tag in (q("br"), q("cr")):
            parts.append("\n")
        elif node.tag in (q("instrText"), q("delInstrText")):
            parts.append("[field]")
    return "".join(parts)


def paragraph_style(p) -> str:
    st = p.find("w:pPr/w:pStyle", NS)
    return st.get(q("val")) if st is not None else ""


def is_section_start(p, section_re: re.Pattern | None) -> bool:
    style = paragraph_style(p).lower()
    if style.startswith("heading") or style == "title":
        return True
    if section_re is not None:
        return bool(section_re.match(run_text(p).strip()))
    return False


def collect(part_name: str, xml: bytes, section_re, context: int, start_idx: int) -> list[Revision]:
    root = etree.fromstring(xml)
    revisions: list[Revision] = []
    section = ""
    idx = start_idx
    for p in root.iter(q("p")):
        if is_section_start(p, section_re):
            section = run_text(p).strip()[:80]
        full = run_text(p)
        for el in p.iter():
            rtype = TYPE_TAGS.get(el.tag)
            if rtype is None:
                continue
            # skip nested revisions inside another revision of the same kind
            parent = el.getparent()
            if parent is not None and parent.tag == el.tag:
                continue
            text = run_text(el) if rtype != "format" else ""
            extra = {}
            if rtype == "format":
                old_props = [c.tag.split("}")[1] for c in el.iter() if c is not el and c.tag.startswith("{" + W)]
                extra["old_properties"] = old_props
                text = run_text(el.getparent().getparent()) if el.getparent() is not None else ""
            pos = full.find(text) if text else -1
            before = full[max(0, pos - context):pos] if pos > 0 else ""
            after = full[pos + len(text): pos + len(text) + context] if pos >= 0 else ""
            idx += 1
            revisions.append(
                Revision(
                    idx=idx,
                    part=part_name,
                    type=rtype,
                    author=el.get(q("author")) or "Unknown",
                    date=(el.get(q("date")) or "")[:10],
                    text=text,
                    section=section,
                    before=before,
                    after=after,
                    move_name=el.get(q("name")) or "",
                    extra=extra,
                )
            )
    return revisions


def pair_replacements(revs: list[Revision]) -> list[Revision]:
    out: list[Revision] = []
    i = 0
    while i < len(revs):
        cur = revs[i]
        nxt = revs[i + 1] if i + 1 < len(revs) else None
        if (
            nxt is not None
            and cur.type == "delete"
            and nxt.type == "insert"
            and cur.author == nxt.author
            and cur.section == nxt.section
            and cur.part == nxt.part
        ):
            merged = Revision(**{**asdict(nxt), "type": "replace", "old": cur.text})
            merged.idx = cur.idx
            out.append(merged)
            i += 2
            continue
        out.append(cur)
        i += 1
    return out


def matches(rev: Revision, author: str | None, types: set[str] | None) -> bool:
    if author and author.lower() not in rev.author.lower():
        return False
    if types:
        t = "move" if rev.type.startswith("move") else rev.type
        if rev.type == "replace":
            return bool({"insert", "delete", "replace"} & types)
        return t in types
    return True


def md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ⏎ ").strip()


def render_markdown(name: str, revs: list[Revision]) -> str:
    authors = sorted({r.author for r in revs})
    counts: dict[str, int] = {}
    for r in revs:
        counts[r.type] = counts.get(r.type, 0) + 1
    lines = [f"# Tracked changes: {name}"]
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    lines.append(f"{len(authors)} authors, {len(revs)} revisions ({summary or 'none'})")
    current = None
    for r in revs:
        sec = r.section or "(before first heading)"
        if sec != current:
            current = sec
            lines += ["", f"## {md_escape(sec)}", "| # | Author | Date | Type | Text |", "|---|--------|------|------|------|"]
        if r.type == "replace":
            text = f'"{md_escape(r.old)}" → "{md_escape(r.text)}"'
        elif r.type == "format":
            text = f"format change ({', '.join(r.extra.get('old_properties', [])[:5])}) on \"{md_escape(r.text[:60])}\""
        else:
            text = f'"{md_escape(r.text)}"'
        lines.append(f"| {r.idx} | {md_escape(r.author)} | {r.date} | {r.type} | {text} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx")
    ap.add_argument("--author")
    ap.add_argument("--type", help="comma list: insert,delete,move,format,replace")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--context", type=int, default=40)
    ap.add_argument("--include-notes", action="store_true")
    ap.add_argument("--section-regex")
    ap.add_argument("--no-pair", action="store_true")
    args = ap.parse_args()

    section_re = re.compile(args.section_regex) if args.section_regex else None
    types = {t.strip() for t in args.type.split(",")} if args.type else None

    revs: list[Revision] = []
    with zipfile.ZipFile(args.docx) as z:
        parts = ["word/document.xml"]
        if args.include_notes:
            parts += sorted(n for n in z.namelist() if EXTRA_PARTS.match(n))
        for part in parts:
            if part not in z.namelist():
                continue
            revs += collect(part, z.read(part), section_re, args.context, len(revs))

    if not args.no_pair:
        revs = pair_replacements(revs)
    revs = [r for r in revs if matches(r, args.author, types)]

    if args.json:
        json.dump([asdict(r) for r in revs], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_markdown(args.docx.rsplit("/", 1)[-1], revs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
