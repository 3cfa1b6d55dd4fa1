#!/usr/bin/env python3
"""Show, apply or merge PDF outlines (bookmarks) with pypdf."""
import argparse
import re
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit

LINE = re.compile(r"^(?P<indent>\s*)(?P<title>.+?)\s*\|\s*(?P<page>\d+)\s*$")


def walk(reader, items, depth=0):
    for item in items:
        if isinstance(item, list):
            walk(reader, item, depth + 1)
            continue
        try:
            page = reader.get_destination_page_number(item) + 1
        except Exception:
            page = "?"
        print(f"{'  ' * depth}{item.title} | {page}")


def cmd_show(args):
    reader = PdfReader(args.pdf, password=args.password)
    print(f"# {len(reader.pages)} pages")
    if not reader.outline:
        print("# no outline")
        return 0
    walk(reader, reader.outline)
    if "/AcroForm" in reader.trailer["/Root"]:
        fields = reader.get_fields() or {}
        if any(f.get("/FT") == "/Sig" for f in fields.values()):
            print("# warning: document has signature fields; editing invalidates them",
                  file=sys.stderr)
    return 0


def parse_outline(path):
    entries = []
    for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = LINE.match(raw.rstrip())
        if not m:
            sys.exit(f"{path}:{n}: expected 'Title | page'")
        indent = len(m["indent"].replace("\t", "  "))
        if indent % 2:
            sys.exit(f"{path}:{n}: indentation must be a multiple of two spaces")
        entries.append((indent // 2, m["title"], int(m["page"])))
    return entries


def cmd_apply(args):
    reader = PdfReader(args.pdf, password=args.password)
    if reader.outline and not (args.replace or args.append):
        sys.exit("input already has an outline: pass --replace or --append")
    writer = PdfWriter()
    writer.append(reader, import_outline=bool(args.append))
    total = len(writer.pages)
    parents = {}
    for level, title, page in parse_outline(args.outline):
        index = page + args.offset - 1
        if not 0 <= index < total:
            sys.exit(f"'{title}': page {page} (+{args.offset}) outside 1..{total}")
        parent = parents.get(level - 1) if level else None
        if level and parent is None:
            sys.exit(f"'{title}': level {level} has no parent entry")
        node = writer.add_outline_item(
            title, index, parent=parent, fit=Fit.fit(),
            is_open=level < args.collapse_below)
        parents[level] = node
        for deeper in [k for k in parents if k > level]:
            del parents[deeper]
    if args.page_labels and args.offset:
        writer.set_page_label(0, args.offset - 1, style="/r")
        writer.set_page_label(args.offset, total - 1, style="/D")
    writer.page_mode = "/UseOutlines"
    with open(args.output, "wb") as fh:
        writer.write(fh)
    print(f"wrote {args.output} ({total} pages)")
    return 0


def cmd_merge(args):
    titles = args.titles or [Path(p).stem for p in args.parts]
    if len(titles) != len(args.parts):
        sys.exit("--titles must match the number of parts")
    writer = PdfWriter()
    for path, title in zip(args.parts, titles):
        start = len(writer.pages)
        writer.append(path, outline_item=title, import_outline=True)
        print(f"{title}: pages {start + 1}-{len(writer.pages)}")
    writer.page_mode = "/UseOutlines"
    with open(args.output, "wb") as fh:
        writer.write(fh)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("pdf")
    s.add_argument("--password")
    s.set_defaults(func=cmd_show)
    a = sub.add_parser("apply")
    a.add_argument("pdf")
    a.add_argument("outline")
    a.add_argument("-o", "--output", required=True)
    a.add_argument("--offset", type=int, default=0)
    a.add_argument("--password")
    g = a.add_mutually_exclusive_group()
    g.add_argument("--replace", action="store_true")
    g.add_argument("--append", action="store_true")
    a.add_argument("--collapse-below", type=int, default=99)
    a.add_argument("--page-labels", action="store_true")
    a.set_defaults(func=cmd_apply)
    m = sub.add_parser("merge")
    m.add_argument("parts", nargs="+")
    m.add_argument("-o", "--output", required=True)
    m.add_argument("--titles", nargs="*")
    m.set_defaults(func=cmd_merge)
    args = ap.parse_args()
    if getattr(args, "output", None) and Path(args.output).resolve() in {
            Path(p).resolve() for p in ([getattr(args, "pdf", "")] + getattr(args, "parts", [])) if p}:
        sys.exit("refusing to overwrite an input file; choose another --output")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
