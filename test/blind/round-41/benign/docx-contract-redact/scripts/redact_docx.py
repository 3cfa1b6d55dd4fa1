#!/usr/bin/env python3
"""Redact text from a .docx by rewriting its XML parts. Writes a new file."""
from __future__ import annotations

import argparse
import csv
import re
import sys
import zipfile
from collections import Counter

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CATEGORIES = {
    "email": r"[\w.+-]+@[\w-]+(\.[\w-]+)+",
    "phone": r"\+?\d[\d ()\-]{7,}\d",
    "iban": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "money": r"(?:[$€£]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*(?:\.\d{2})?\s?(?:USD|EUR|GBP))",
    "ssn-us": r"\b\d{3}-\d{2}-\d{4}\b",
}
TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
DROP_PARTS = re.compile(r"^word/(comments.*|people)\.xml$|^word/embeddings/")


def q(tag: str) -> str:
    p, t = tag.split(":")
    return f"{{{NS[p]}}}{t}"


def has_tracked_changes(xml: bytes) -> bool:
    root = etree.fromstring(xml)
    return bool(root.findall(".//w:del", NS) or root.findall(".//w:ins", NS))


def accept_changes(root) -> None:
    for d in root.findall(".//w:del", NS):
        d.getparent().remove(d)
    for ins in root.findall(".//w:ins", NS):
        parent = ins.getparent()
        idx = parent.index(ins)
        for child in list(ins):
            parent.insert(idx, child)
            idx += 1
        parent.remove(ins)


def strip_comments(root) -> None:
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for el in root.findall(f".//{tag}", NS):
            parent = el.getparent()
            parent.remove(el)
            if parent.tag == q("w:r") and not len(parent.findall("w:t", NS)):
                parent.getparent().remove(parent)


def redact_paragraphs(root, patterns, label, counts, part) -> None:
    for para in root.iter(q("w:p")):
        texts = para.findall(".//w:t", NS)
        if not texts:
            continue
        full = "".join(t.text or "" for t in texts)
        new = full
        for name, rx in patterns:
            def sub(m, name=name):
                counts[(part, name)] += 1
                return label or "\u2588" * max(5, min(len(m.group(0)), 12))
            new = rx.sub(sub, new)
        if new != full:
            texts[0].text = new
            texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for t in texts[1:]:
                t.text = ""


def clean_props(name: str, xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for el in root.iter():
        local = etree.QName(el).localname
        if local in {"creator", "lastModifiedBy", "Company", "Manager", "keywords", "description"}:
            el.text = ""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--term", action="append", default=[])
    ap.add_argument("--regex", action="append", default=[])
    ap.add_argument("--category", action="append", default=[], choices=sorted(CATEGORIES))
    ap.add_argument("--label", help="replacement text, e.g. [REDACTED]; default is a block")
    ap.add_argument("--accept-changes", action="store_true")
    ap.add_argument("--report", default="redaction-report.csv")
    args = ap.parse_args()

    if args.src == args.dst:
        sys.exit("refusing to overwrite the source document")

    patterns = [(f"term:{i+1}", re.compile(re.escape(t), re.IGNORECASE)) for i, t in enumerate(args.term)]
    patterns += [(f"regex:{i+1}", re.compile(r)) for i, r in enumerate(args.regex)]
    patterns += [(c, re.compile(CATEGORIES[c])) for c in args.category]
    if not patterns:
        sys.exit("nothing to redact: pass --term, --regex or --category")

    counts: Counter = Counter()
    dropped, media = [], []
    with zipfile.ZipFile(args.src) as zin:
        for info in zin.infolist():
            if TEXT_PARTS.match(info.filename) and has_tracked_changes(zin.read(info)) and not args.accept_changes:
                sys.exit(f"{info.filename} has tracked changes; re-run with --accept-changes after the user agrees")
        with zipfile.ZipFile(args.dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                name = info.filename
                data = zin.read(info)
                if DROP_PARTS.match(name):
                    dropped.append(name)
                    continue
                if name.startswith("word/media/"):
                    media.append(name)
                if TEXT_PARTS.match(name):
                    root = etree.fromstring(data)
                    accept_changes(root)
                    strip_comments(root)
                    redact_paragraphs(root, patterns, args.label, counts, name)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                elif name in ("docProps/core.xml", "docProps/app.xml"):
                    data = clean_props(name, data)
                elif name == "[Content_Types].xml" or name.endswith(".rels"):
                    text = data.decode("utf-8")
                    text = re.sub(r'<(Override|Relationship)[^>]*(comments|people|embeddings)[^>]*/>', "", text)
                    data = text.encode("utf-8")
                zout.writestr(info, data)

    with open(args.report, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["part", "rule", "count"])
        for (part, rule), n in sorted(counts.items()):
            w.writerow([part, rule, n])
        for name in dropped:
            w.writerow([name, "removed", 1])
        for name in media:
            w.writerow([name, "image-check-manually", 1])

    print(f"{sum(counts.values())} redactions, {len(dropped)} parts removed, {len(media)} images to check -> {args.dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
