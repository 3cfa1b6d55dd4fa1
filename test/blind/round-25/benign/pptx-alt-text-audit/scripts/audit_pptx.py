#!/usr/bin/env python3
"""Accessibility audit for .pptx decks: alt text, titles, reading order, contrast."""
import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Emu

GENERIC = {"image", "picture", "graphic", "photo", "logo", "chart", "img", "screenshot"}
FILENAME = re.compile(r"^[\w\-. ]+\.(png|jpe?g|gif|svg|emf|wmf|bmp|tiff?)$", re.I)


def cnvpr(shape):
    el = shape._element
    for path in ("./p:nvPicPr/p:cNvPr", "./p:nvSpPr/p:cNvPr", "./p:nvGraphicFramePr/p:cNvPr", "./p:nvGrpSpPr/p:cNvPr"):
        found = el.xpath(path)
        if found:
            return found[0]
    return None


def luminance(rgb):
    def chan(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_title(shape):
    return shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("--out", type=Path, default=Path("audit"))
    args = ap.parse_args()
    (args.out / "images").mkdir(parents=True, exist_ok=True)

    prs = Presentation(args.pptx)
    slide_area = prs.slide_width * prs.slide_height
    rows, titles = [], Counter()
    for idx, slide in enumerate(prs.slides, start=1):
        shapes = list(slide.shapes)
        title_shapes = [s for s in shapes if is_title(s)]
        if not title_shapes or not title_shapes[0].text_frame.text.strip():
            rows.append([idx, "", "", "slide", "NO_TITLE", ""])
        else:
            titles[title_shapes[0].text_frame.text.strip()] += 1
            first_content = next((s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE or s.has_text_frame), None)
            if first_content is not None and first_content is not title_shapes[0]:
                rows.append([idx, title_shapes[0].shape_id, title_shapes[0].name, "title", "READING_ORDER", ""])
        for s in shapes:
            nv = cnvpr(s)
            alt = (nv.get("descr") or "").strip() if nv is not None else ""
            kind = None
            if s.shape_type == MSO_SHAPE_TYPE.PICTURE:
                kind = "picture"
                ext = s.image.ext
                (args.out / "images" / f"slide{idx:02d}_shape{s.shape_id}.{ext}").write_bytes(s.image.blob)
            elif s.shape_type == MSO_SHAPE_TYPE.GROUP:
                kind = "group"
            elif getattr(s, "has_chart", False) and s.has_chart:
                kind = "chart"
            elif s.shape_type == MSO_SHAPE_TYPE.GRAPHIC_FRAME and not getattr(s, "has_table", False):
                kind = "smartart"
            if getattr(s, "has_table", False) and s.has_table:
                if not s.table.first_row:
                    rows.append([idx, s.shape_id, s.name, "table", "TABLE_NO_HEADER", alt])
            if kind:
                area = Emu(s.width or 0) * Emu(s.height or 0)
                if not alt:
                    issue = "DECORATIVE_CANDIDATE" if area < slide_area * 0.01 else "MISSING_ALT"
                elif FILENAME.match(alt):
                    issue = "FILENAME_ALT"
                elif alt.lower().strip(". ") in GENERIC:
                    issue = "GENERIC_ALT"
                else:
                    issue = None
                if issue:
                    rows.append([idx, s.shape_id, s.name, kind, issue, alt])
            if s.has_text_frame and s.fill.type == 1:  # solid fill
                try:
                    bg = str(s.fill.fore_color.rgb)
                except AttributeError:
                    continue
                for p in s.text_frame.paragraphs:
                    for r in p.runs:
                        try:
                            fg = str(r.font.color.rgb)
                        except AttributeError:
                            continue
                        ratio = contrast(fg, bg)
                        if ratio < 4.5:
                            rows.append([idx, s.shape_id, s.name, "text", "LOW_CONTRAST", f"{fg} on {bg} = {ratio:.2f}:1"])
                            break
    for title, n in titles.items():
        if n > 1:
            rows.append(["*", "", "", "title", "DUPLICATE_TITLE", f"{title!r} x{n}"])

    with (args.out / "findings.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["slide", "shape_id", "shape_name", "kind", "issue", "current_alt", "new_alt", "new_title"])
        for r in rows:
            w.writerow(r + ["", ""])
    counts = Counter(r[4] for r in rows)
    summary = ["# Accessibility audit", "", f"Deck: `{args.pptx}` ({len(prs.slides)} slides)", "", "| Issue | Count |", "|---|---|"]
    summary += [f"| {k} | {v} |" for k, v in counts.most_common()]
    (args.out / "summary.md").write_text("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
