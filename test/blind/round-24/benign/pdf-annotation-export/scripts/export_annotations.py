#!/usr/bin/env python3
"""Export PDF annotations (highlights, notes, free text, ink) to Markdown, CSV or JSON."""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

try:
    from pypdf import PdfReader
except ImportError:  # pragma: no cover
    sys.exit("pypdf is required: python3 -m pip install 'pypdf==4.3.1'")

try:
    import pdfplumber
except ImportError:  # pragma: no cover
    pdfplumber = None

TEXT_MARKUP = {"/Highlight", "/Underline", "/StrikeOut", "/Squiggly"}
SKIP_DEFAULT = {"/Link", "/Widget", "/Popup"}
LABELS = {
    "/Highlight": "Highlight", "/Underline": "Underline", "/StrikeOut": "Strike-out",
    "/Squiggly": "Squiggly", "/Text": "Note", "/FreeText": "Text box", "/Ink": "Drawing",
    "/Square": "Box", "/Circle": "Circle", "/Caret": "Insert", "/Link": "Link",
}


@dataclass
class Annotation:
    source: str
    page: str
    kind: str
    author: str = ""
    date: str = ""
    comment: str = ""
    quoted: str = ""
    rect: list[float] = field(default_factory=list)


def pdf_date(raw: str | None) -> str:
    if not raw:
        return ""
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?", str(raw))
    if not m:
        return ""
    y, mo, d, hh, mm = m.groups()
    out = f"{y}-{mo or '01'}-{d or '01'}"
    if hh:
        out += f"T{hh}:{mm or '00'}"
    return out


def quads_to_boxes(quads: list[float]) -> list[tuple[float, float, float, float]]:
    boxes = []
    for i in range(0, len(quads) - 7, 8):
        xs = quads[i:i + 8:2]
        ys = quads[i + 1:i + 8:2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def words_in_boxes(plumber_page, boxes, page_height: float) -> str:
    if plumber_page is None or not boxes:
        return ""
    words = plumber_page.extract_words(keep_blank_chars=False, use_text_flow=True)
    picked = []
    for x0, y0, x1, y1 in boxes:
        # PDF space has origin bottom-left; pdfplumber uses top-left.
        top, bottom = page_height - y1, page_height - y0
        for w in words:
            cx = (w["x0"] + w["x1"]) / 2
            cy = (w["top"] + w["bottom"]) / 2
            if x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1:
                picked.append(w["text"])
    return " ".join(picked).strip()


def extract(path: Path, args) -> tuple[list[Annotation], Counter]:
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        if reader.decrypt(args.password or "") == 0:
            raise SystemExit(f"{path}: encrypted; pass --password")
    labels = list(reader.page_labels) if args.page_labels else None
    plumber_doc = pdfplumber.open(str(path)) if pdfplumber else None
    skipped: Counter = Counter()
    found: list[Annotation] = []
    skip = set() if args.include_links else SKIP_DEFAULT
    for idx, page in enumerate(reader.pages):
        annots = page.get("/Annots") or []
        height = float(page.mediabox.height)
        ppage = plumber_doc.pages[idx] if plumber_doc else None
        for ref in annots:
            a = ref.get_object()
            sub = str(a.get("/Subtype", ""))
            if sub in skip:
                skipped[sub] += 1
                continue
            comment = str(a.get("/Contents", "") or "").strip()
            popup = a.get("/Popup")
            if not comment and popup is not None:
                comment = str(popup.get_object().get("/Contents", "") or "").strip()
            quoted = ""
            if sub in TEXT_MARKUP:
                quoted = words_in_boxes(ppage, quads_to_boxes([float(q) for q in a.get("/QuadPoints", [])]), height)
                if len(quoted) < args.min_chars and not comment:
                    continue
            found.append(Annotation(
                source=path.name,
                page=labels[idx] if labels else str(idx + 1),
                kind=LABELS.get(sub, sub.lstrip("/")),
                author=str(a.get("/T", "") or ""),
                date=pdf_date(a.get("/M")),
                comment=comment,
                quoted=quoted,
                rect=[round(float(v), 1) for v in a.get("/Rect", [])],
            ))
    if plumber_doc:
        plumber_doc.close()
    return found, skipped


def render_md(items: list[Annotation], by_author: bool, checkboxes: bool) -> str:
    bullet = "- [ ] " if checkboxes else "- "
    groups: dict[str, list[Annotation]] = defaultdict(list)
    for a in items:
        key = f"{a.author or 'Unknown reviewer'}" if by_author else f"{a.source} — Page {a.page}"
        groups[key].append(a)
    lines = []
    for key, group in groups.items():
        lines.append(f"## {key}\n")
        for a in group:
            who = ", ".join(x for x in (a.author if not by_author else f"p.{a.page}", a.date) if x)
            head = f"{bullet}**{a.kind}**" + (f" ({who})" if who else "")
            if a.quoted:
                head += f': "{a.quoted}"'
            lines.append(head)
            if a.comment:
                for cl in a.comment.splitlines():
                    lines.append(f"  > {cl}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("pdfs", nargs="+", type=Path)
    p.add_argument("-f", "--format", choices=["md", "csv", "json"], default="md")
    p.add_argument("-o", "--output", type=Path)
    p.add_argument("--by-author", action="store_true")
    p.add_argument("--checkboxes", action="store_true")
    p.add_argument("--include-links", action="store_true")
    p.add_argument("--page-labels", action="store_true")
    p.add_argument("--min-chars", type=int, default=0)
    p.add_argument("--password")
    args = p.parse_args()

    items: list[Annotation] = []
    skipped: Counter = Counter()
    for path in args.pdfs:
        got, sk = extract(path, args)
        items.extend(got)
        skipped.update(sk)

    if args.format == "md":
        text = render_md(items, args.by_author, args.checkboxes)
    elif args.format == "json":
        text = json.dumps([asdict(a) for a in items], indent=2, ensure_ascii=False)
    else:
        from io import StringIO
        buf = StringIO()
        w = csv.DictWriter(buf, fieldnames=list(Annotation.__dataclass_fields__))
        w.writeheader()
        for a in items:
            w.writerow(asdict(a))
        text = buf.getvalue()

    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    pages = len({(a.source, a.page) for a in items})
    print(f"{len(items)} annotations on {pages} pages (skipped: {sum(skipped.values())} links/widgets)",
          file=sys.stderr)
    if pdfplumber is None:
        print("note: pdfplumber not installed; highlighted text was not recovered", file=sys.stderr)


if __name__ == "__main__":
    main()
