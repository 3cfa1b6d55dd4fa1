#!/usr/bin/env python3
"""Show or set PDF page labels.

  page_labels.py show IN.pdf
  page_labels.py set IN.pdf -o OUT.pdf --spec "1:-:Cover,2:r,13:D,253:D:A-"
"""
from __future__ import annotations

import argparse
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

STYLES = {"D": "/D", "r": "/r", "R": "/R", "a": "/a", "A": "/A", "-": None}


def open_reader(path: str, password: str | None) -> PdfReader:
    reader = PdfReader(path)
    if reader.is_encrypted:
        if not password:
            sys.exit(f"{path} is encrypted; pass --password")
        reader.decrypt(password)
    return reader


def runs(labels: list[str]):
    """Group consecutive pages into display runs."""
    if not labels:
        return []
    out, start = [], 0
    for i in range(1, len(labels) + 1):
        boundary = i == len(labels) or not _continues(labels[i - 1], labels[i])
        if boundary:
            out.append((start, i - 1))
            start = i
    return out


def _continues(prev: str, cur: str) -> bool:
    def split(s):
        j = len(s)
        while j > 0 and (s[j - 1].isalnum()):
            j -= 1
        return s[:j], s[j:]
    p1, _ = split(prev)
    p2, _ = split(cur)
    kinds = lambda s: ("digit" if s[-1:].isdigit() else "alpha") if s else "none"
    return p1 == p2 and kinds(prev) == kinds(cur)


def show(reader: PdfReader) -> None:
    has = "/PageLabels" in reader.trailer["/Root"]
    labels = list(reader.page_labels)
    if not has:
        print("no /PageLabels: viewers show the physical page number (1..%d)" % len(labels))
    for a, b in runs(labels):
        rng = f"pages {a + 1}-{b + 1}" if a != b else f"page {a + 1}"
        print(f"{rng:<16} (index {a}-{b}): {labels[a]} .. {labels[b]}" if a != b
              else f"{rng:<16} (index {a}): {labels[a]}")


def parse_spec(spec: str, npages: int):
    items = []
    for part in spec.split(","):
        fields = part.strip().split(":")
        if len(fields) < 2:
            sys.exit(f"bad range {part!r}: need START:STYLE")
        start = int(fields[0])
        style = fields[1]
        if style not in STYLES:
            sys.exit(f"bad style {style!r}: use one of {', '.join(STYLES)}")
        prefix = fields[2] if len(fields) > 2 and fields[2] else None
        first = int(fields[3]) if len(fields) > 3 and fields[3] else 1
        if not 1 <= start <= npages:
            sys.exit(f"range start {start} outside 1..{npages}")
        items.append((start - 1, STYLES[style], prefix, first))
    items.sort()
    if items[0][0] != 0:
        items.insert(0, (0, "/D", None, 1))
    ranges = []
    for i, (idx, style, prefix, first) in enumerate(items):
        end = items[i + 1][0] - 1 if i + 1 < len(items) else npages - 1
        ranges.append((idx, end, style, prefix, first))
    return ranges


def is_signed(reader: PdfReader) -> bool:
    fields = reader.get_fields() or {}
    return any(f.get("/FT") == "/Sig" and f.get("/V") for f in fields.values())


def set_labels(args) -> None:
    reader = open_reader(args.input, args.password)
    if is_signed(reader) and not args.allow_signed:
        sys.exit("document has a filled signature field; changing labels breaks it. "
                 "Re-run with --allow-signed if the user accepts that.")
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    if NameObject("/PageLabels") in root:
        del root[NameObject("/PageLabels")]
    for start, end, style, prefix, first in parse_spec(args.spec, len(reader.pages)):
        writer.set_page_label(start, end, style=style, prefix=prefix, start=first)
    with open(args.output, "wb") as fh:
        writer.write(fh)
    print(f"wrote {args.output}")
    show(PdfReader(args.output))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("input")
    s.add_argument("--password")
    t = sub.add_parser("set")
    t.add_argument("input")
    t.add_argument("-o", "--output", required=True)
    t.add_argument("--spec", required=True)
    t.add_argument("--password")
    t.add_argument("--allow-signed", action="store_true")
    args = ap.parse_args()
    if args.cmd == "show":
        show(open_reader(args.input, args.password))
    else:
        if args.output == args.input:
            sys.exit("refusing to overwrite the input; choose another -o path")
        set_labels(args)


if __name__ == "__main__":
    main()
