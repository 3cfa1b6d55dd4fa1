#!/usr/bin/env python3
"""Merge PDFs from a manifest into one file with outline, contents and dividers."""
import argparse
import io
import json
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def load_manifest(path):
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith((".yaml", ".yml")):
        import yaml  # optional dependency
        return yaml.safe_load(text)
    return json.loads(text)


def select(spec, n):
    if not spec:
        return list(range(n))
    idx = []
    for part in str(spec).split(","):
        a, _, b = part.partition("-")
        idx.extend(range(int(a) - 1, int(b or a)))
    return [i for i in idx if 0 <= i < n]


def text_page(lines, title=None):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    y = h - 90
    if title:
        c.setFont("Helvetica-Bold", 20)
        c.drawString(72, y, title)
        y -= 40
    c.setFont("Helvetica", 12)
    rects = []
    for label, page_no in lines:
        c.drawString(72, y, label)
        if page_no is not None:
            c.drawRightString(w - 72, y, str(page_no))
        rects.append((72, y - 4, w - 72, y + 12))
        y -= 22
    c.save()
    buf.seek(0)
    return PdfReader(buf).pages[0], rects


def copy_outline(writer, reader, items, parent, page_map):
    last = None
    for item in items:
        if isinstance(item, list):
            if last is not None:
                copy_outline(writer, reader, item, last, page_map)
            continue
        src_page = reader.get_destination_page_number(item)
        if src_page not in page_map:
            print(f"  dropping bookmark '{item.title}' (page outside selection)", file=sys.stderr)
            continue
        last = writer.add_outline_item(item.title, page_map[src_page], parent=parent)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("manifest")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    m = load_manifest(a.manifest)
    base = Path(a.manifest).parent
    parts = []
    for p in m["parts"]:
        r = PdfReader(base / p["file"])
        if r.is_encrypted:
            sys.exit(f"{p['file']} is encrypted; provide an unencrypted copy")
        parts.append((p, r, select(p.get("pages"), len(r.pages))))

    # layout
    pos = 0
    plan = []
    toc_at = None
    for i, (p, r, pages) in enumerate(parts):
        if i == 1 and m.get("toc"):
            toc_at = pos
            plan.append(("(contents)", 1, pos))
            pos += 1
        if m.get("dividers") and p.get("in_toc", True):
            pos += 1
        plan.append((p["label"], len(pages), pos))
        p["_start"] = pos
        pos += len(pages)

    print(f"{'part':<40}{'pages':>6}{'starts at':>11}")
    for label, n, start in plan:
        print(f"{label[:39]:<40}{n:>6}{start + 1:>11}")
    print(f"{'total':<40}{'':>6}{pos:>11}")
    if a.dry_run:
        return

    w = PdfWriter()
    seen_fields = set()
    for i, (p, r, pages) in enumerate(parts):
        if i == 1 and toc_at is not None:
            entries = [(pp["label"], pp["_start"] + 1) for pp, _, _ in parts if pp.get("in_toc", True)]
            page, rects = text_page(entries, title="Contents")
            w.add_page(page)
            toc_rects = list(zip(rects, [e[1] - 1 for e in entries]))
        if m.get("dividers") and p.get("in_toc", True):
            w.add_page(text_page([], title=p["label"])[0])
        page_map = {}
        for src_idx in pages:
            page_map[src_idx] = len(w.pages)
            w.add_page(r.pages[src_idx])
        top = w.add_outline_item(p["label"], p["_start"])
        if p.get("keep_outline") and r.outline:
            copy_outline(w, r, r.outline, top, page_map)
        for name in (r.get_fields() or {}):
            if name in seen_fields:
                print(f"warning: duplicate form field '{name}' in {p['file']}", file=sys.stderr)
            seen_fields.add(name)

    if toc_at is not None:
        from pypdf.annotations import Link
        for rect, target in toc_rects:
            w.add_annotation(page_number=toc_at, annotation=Link(rect=rect, target_page_index=target, fit=Fit.fit()))

    w.add_metadata({"/Title": m.get("title", "")})
    w.page_mode = "/UseOutlines"
    out = base / m["output"]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        w.write(fh)
    assert len(PdfReader(out).pages) == pos, "page count mismatch"
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
