#!/usr/bin/env python3
"""Write an outline JSON into a PDF as bookmarks, or list a PDF's outline.

  apply_outline.py IN.pdf outline.json OUT.pdf [--replace] [--no-open-pane]
  apply_outline.py --list IN.pdf
"""
import argparse
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit


def list_outline(path):
    r = PdfReader(path)

    def walk(items, depth):
        for it in items:
            if isinstance(it, list):
                walk(it, depth + 1)
            else:
                print(f"p{r.get_destination_page_number(it) + 1:<4}{'  ' * depth}{it.title}")

    if not r.outline:
        print("(no outline)")
    walk(r.outline, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", metavar="PDF")
    ap.add_argument("src", nargs="?")
    ap.add_argument("outline", nargs="?")
    ap.add_argument("out", nargs="?")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--no-open-pane", action="store_true")
    a = ap.parse_args()

    if a.list:
        list_outline(a.list)
        return
    if not (a.src and a.outline and a.out):
        ap.error("need IN.pdf outline.json OUT.pdf")

    r = PdfReader(a.src)
    if r.outline and not a.replace:
        sys.exit("input already has bookmarks; pass --replace to overwrite them")

    w = PdfWriter()
    w.append(r, import_outline=False)
    entries = json.load(open(a.outline))

    parents = {0: None}
    for e in entries:
        lvl = max(1, int(e["level"]))
        parent = parents.get(lvl - 1)
        page_idx = int(e["page"]) - 1
        page = w.pages[page_idx]
        height = float(page.mediabox.height)
        top = height - float(e.get("y", 0)) + 4
        item = w.add_outline_item(e["title"], page_idx, parent=parent,
                                  fit=Fit.xyz(left=0, top=top, zoom=None))
        parents[lvl] = item
        for deeper in [k for k in parents if k > lvl]:
            del parents[deeper]

    if not a.no_open_pane:
        w.page_mode = "/UseOutlines"
    with open(a.out, "wb") as fh:
        w.write(fh)
    print(f"wrote {len(entries)} bookmarks to {a.out}")


if __name__ == "__main__":
    main()
