#!/usr/bin/env python3
"""Merge, split, select and rotate PDF pages with pypdf."""
import argparse
import os

from pypdf import PdfReader, PdfWriter


def pages_from(spec):
    out = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def cmd_merge(args):
    writer = PdfWriter()
    for path in args.inputs:
        writer.append(path)
    with open(args.output, "wb") as fh:
        writer.write(fh)


def cmd_split(args):
    reader = PdfReader(args.input)
    os.makedirs(args.outdir, exist_ok=True)
    base = os.path.splitext(os.path.basename(args.input))[0]
    for i, page in enumerate(reader.pages, start=1):
        w = PdfWriter()
        w.add_page(page)
        with open(os.path.join(args.outdir, f"{base}_p{i:03d}.pdf"), "wb") as fh:
            w.write(fh)


def cmd_select(args):
    reader = PdfReader(args.input)
    w = PdfWriter()
    for n in pages_from(args.pages):
        w.add_page(reader.pages[n - 1])
    if not args.strip_metadata and reader.metadata:
        w.add_metadata(dict(reader.metadata))
    with open(args.out, "wb") as fh:
        w.write(fh)


def cmd_rotate(args):
    reader = PdfReader(args.input)
    targets = set(pages_from(args.pages))
    w = PdfWriter()
    for i, page in enumerate(reader.pages, start=1):
        if i in targets:
            page.rotate(args.degrees)
        w.add_page(page)
    with open(args.out, "wb") as fh:
        w.write(fh)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge"); m.add_argument("output"); m.add_argument("inputs", nargs="+"); m.set_defaults(fn=cmd_merge)
    s = sub.add_parser("split"); s.add_argument("input"); s.add_argument("--outdir", default="pages"); s.set_defaults(fn=cmd_split)
    se = sub.add_parser("select"); se.add_argument("input"); se.add_argument("pages"); se.add_argument("--out", required=True)
    se.add_argument("--strip-metadata", action="store_true"); se.set_defaults(fn=cmd_select)
    r = sub.add_parser("rotate"); r.add_argument("input"); r.add_argument("pages"); r.add_argument("--degrees", type=int, default=90)
    r.add_argument("--out", required=True); r.set_defaults(fn=cmd_rotate)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
