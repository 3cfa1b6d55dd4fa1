#!/usr/bin/env python3
"""Split a PDF into parts using its outline (bookmarks)."""
import argparse
import csv
import os
import re
import sys
import unicodedata

from pypdf import PdfReader, PdfWriter


def slugify(text, limit=60):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return (text[:limit].rstrip("-")) or "untitled"


def flatten(reader, items=None, depth=1, out=None):
    if out is None:
        out = []
    if items is None:
        items = reader.outline
    for item in items:
        if isinstance(item, list):
            flatten(reader, item, depth + 1, out)
            continue
        try:
            page = reader.get_destination_page_number(item)
        except Exception:
            page = None
        out.append((depth, str(item.title).strip(), page))
    return out


def open_reader(path, password):
    reader = PdfReader(path)
    if reader.is_encrypted:
        if not password:
            sys.exit("PDF is encrypted; pass --password")
        reader.decrypt(password)
    return reader


def cmd_inspect(args):
    reader = open_reader(args.pdf, args.password)
    entries = flatten(reader)
    if not entries:
        print("no outline")
        return
    for depth, title, page in entries:
        p = "?" if page is None else str(page + 1)
        print(f"[{depth}] p.{p:<5}{'  ' * (depth - 1)}{title}")
    print(f"\n{len(reader.pages)} pages, {len(entries)} outline entries")


def write_part(reader, first, last, path):
    writer = PdfWriter()
    for i in range(first, last + 1):
        writer.add_page(reader.pages[i])
    with open(path, "wb") as fh:
        writer.write(fh)


def cmd_split(args):
    reader = open_reader(args.pdf, args.password)
    total = len(reader.pages)
    entries = [e for e in flatten(reader) if e[0] <= args.depth]
    skipped = [e for e in entries if e[2] is None]
    for e in skipped:
        print(f"warning: unresolved destination for '{e[1]}', skipped", file=sys.stderr)
    entries = [e for e in entries if e[2] is not None]
    if not entries:
        sys.exit("no usable outline entries at this depth")
    ordered = sorted(entries, key=lambda e: e[2])
    if ordered != entries:
        print("warning: outline order differs from page order; using page order", file=sys.stderr)

    # merge entries that start on the same page
    merged = []
    for e in ordered:
        if merged and merged[-1][2] == e[2]:
            print(f"note: '{merged[-1][1]}' and '{e[1]}' start on the same page; merged")
            continue
        merged.append(e)

    parts = []
    if args.keep_front_matter and merged[0][2] > 0:
        parts.append(("Front matter", 0, merged[0][2] - 1))
    for i, (_, title, start) in enumerate(merged):
        end = merged[i + 1][2] - 1 if i + 1 < len(merged) else total - 1
        parts.append((title, start, end))

    if args.min_pages > 1:
        compact = []
        for p in parts:
            if compact and (p[2] - p[1] + 1) < args.min_pages:
                t, s, _ = compact[-1]
                compact[-1] = (t, s, p[2])
            else:
                compact.append(p)
        parts = compact

    os.makedirs(args.out, exist_ok=True)
    seen = {}
    rows = []
    for n, (title, start, end) in enumerate(parts):
        slug = slugify(title)
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
        if args.prefix_numbers:
            slug = f"{n:02d}_{slug}"
        path = os.path.join(args.out, slug + ".pdf")
        write_part(reader, start, end, path)
        rows.append((os.path.basename(path), title, start + 1, end + 1, end - start + 1))
        print(f"wrote {path} (pp. {start + 1}-{end + 1})")

    with open(os.path.join(args.out, "index.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "title", "first_page", "last_page", "pages"])
        w.writerows(rows)
    covered = sum(r[4] for r in rows)
    print(f"\nsource pages: {total}; pages written: {covered}")


def parse_ranges(spec, total):
    out = []
    for chunk in spec.split(","):
        a, _, b = chunk.strip().partition("-")
        start = int(a) - 1
        end = total - 1 if b in ("end", "") else int(b) - 1
        out.append((start, end))
    return out


def cmd_every(args):
    reader = open_reader(args.pdf, args.password)
    total = len(reader.pages)
    if args.ranges:
        ranges = parse_ranges(args.ranges, total)
    else:
        ranges = [(i, min(i + args.pages, total) - 1) for i in range(0, total, args.pages)]
    os.makedirs(args.out, exist_ok=True)
    for n, (s, e) in enumerate(ranges, 1):
        path = os.path.join(args.out, f"part-{n:02d}.pdf")
        write_part(reader, s, e, path)
        print(f"wrote {path} (pp. {s + 1}-{e + 1})")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("inspect", "split", "every"):
        p = sub.add_parser(name)
        p.add_argument("pdf")
        p.add_argument("--password")
        if name != "inspect":
            p.add_argument("--out", default="./parts")
    s = sub.choices["split"]
    s.add_argument("--depth", type=int, default=1)
    s.add_argument("--nest", action="store_true")
    s.add_argument("--prefix-numbers", action="store_true")
    s.add_argument("--min-pages", type=int, default=1)
    s.add_argument("--keep-front-matter", action="store_true")
    e = sub.choices["every"]
    e.add_argument("--pages", type=int, default=10)
    e.add_argument("--ranges")
    args = ap.parse_args()
    {"inspect": cmd_inspect, "split": cmd_split, "every": cmd_every}[args.cmd](args)


if __name__ == "__main__":
    main()
