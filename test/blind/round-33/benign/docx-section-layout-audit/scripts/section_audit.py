#!/usr/bin/env python3
"""List and check section page setup in a .docx file."""
import argparse
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

PAPER = {
    "A4": (21.0, 29.7),
    "Letter": (21.59, 27.94),
    "Legal": (21.59, 35.56),
    "A5": (14.8, 21.0),
}


def to_unit(emu, unit):
    if emu is None:
        return None
    value = Emu(emu).cm if unit == "cm" else Emu(emu).inches
    return round(value, 2)


def paper_name(w_cm, h_cm):
    short, long_ = sorted((w_cm, h_cm))
    for name, (a, b) in PAPER.items():
        if abs(short - a) < 0.1 and abs(long_ - b) < 0.1:
            return name
    return f"{w_cm:.1f}x{h_cm:.1f}"


def columns(section):
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        return 1
    num = cols.get(qn("w:num"))
    return int(num) if num else 1


def first_text(section_index, doc):
    """Return the first non-empty paragraph text belonging to a section."""
    current = 0
    for para in doc.paragraphs:
        if current == section_index and para.text.strip():
            return para.text.strip()[:60]
        if para._p.pPr is not None and para._p.pPr.find(qn("w:sectPr")) is not None:
            current += 1
    return ""


def describe(doc, unit, show_text):
    rows = []
    for i, s in enumerate(doc.sections):
        w = Emu(s.page_width).cm if s.page_width else 0
        h = Emu(s.page_height).cm if s.page_height else 0
        row = {
            "index": i + 1,
            "start": str(s.start_type).split(".")[-1].split(" ")[0].lower(),
            "size": paper_name(w, h),
            "orientation": "landscape" if s.orientation == WD_ORIENT.LANDSCAPE else "portrait",
            "top": to_unit(s.top_margin, unit),
            "bottom": to_unit(s.bottom_margin, unit),
            "left": to_unit(s.left_margin, unit),
            "right": to_unit(s.right_margin, unit),
            "gutter": to_unit(s.gutter, unit),
            "columns": columns(s),
            "header_linked": None if i == 0 else s.header.is_linked_to_previous,
            "footer_linked": None if i == 0 else s.footer.is_linked_to_previous,
            "different_first_page": bool(s.different_first_page_header_footer),
        }
        if show_text:
            row["text"] = first_text(i, doc)
        rows.append(row)
    return rows


def check(rows, profile, tol):
    problems = []
    m = profile.get("margins", {})
    for r in rows:
        n = r["index"]
        if profile.get("size") and r["size"] != profile["size"]:
            problems.append(f"section {n}: page size {r['size']}, profile wants {profile['size']}")
        for side in ("top", "bottom", "left", "right", "gutter"):
            if side in m and r[side] is not None and abs(r[side] - m[side]) > tol:
                problems.append(f"section {n}: {side} margin {r[side]} != {m[side]}")
        if r["columns"] > profile.get("max_columns", 1):
            problems.append(f"section {n}: {r['columns']} columns, profile allows {profile.get('max_columns', 1)}")
        if r["orientation"] == "landscape" and not profile.get("allow_landscape", True):
            problems.append(f"section {n}: landscape not allowed by profile")
        if profile.get("require_linked_headers") and r["header_linked"] is False:
            problems.append(f"section {n}: header not linked to previous")
    return problems


def apply_fix(doc, profile):
    size = PAPER.get(profile.get("size", ""), None)
    m = profile.get("margins", {})
    changed = []
    for i, s in enumerate(doc.sections):
        landscape = s.orientation == WD_ORIENT.LANDSCAPE
        if size:
            short, long_ = size
            s.page_width, s.page_height = (Cm(long_), Cm(short)) if landscape else (Cm(short), Cm(long_))
        for side in ("top", "bottom", "left", "right", "gutter"):
            if side in m:
                setattr(s, f"{side}_margin" if side != "gutter" else "gutter", Cm(m[side]))
        cols = s._sectPr.find(qn("w:cols"))
        if cols is not None and profile.get("max_columns", 1) == 1:
            cols.set(qn("w:num"), "1")
        changed.append(i + 1)
    return changed


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx")
    ap.add_argument("--profile")
    ap.add_argument("--unit", choices=["cm", "in"], default="cm")
    ap.add_argument("--tolerance", type=float, default=0.02)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-text", action="store_true")
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()

    doc = Document(args.docx)
    rows = describe(doc, args.unit, args.show_text)
    profile = json.load(open(args.profile)) if args.profile else None
    problems = check(rows, profile, args.tolerance) if profile else []

    if args.json:
        json.dump({"sections": rows, "problems": problems}, sys.stdout, indent=2)
        print()
    else:
        print(f"{'#':<3}{'start':<12}{'size':<8}{'orient':<11}{'top':<7}{'bottom':<7}{'left':<7}{'right':<7}{'cols':<6}{'hdr-linked':<12}first-pg")
        for r in rows:
            linked = "-" if r["header_linked"] is None else ("yes" if r["header_linked"] else "no")
            print(f"{r['index']:<3}{r['start']:<12}{r['size']:<8}{r['orientation']:<11}{r['top']:<7}{r['bottom']:<7}{r['left']:<7}{r['right']:<7}{r['columns']:<6}{linked:<12}{'yes' if r['different_first_page'] else 'no'}")
            if args.show_text and r.get("text"):
                print(f"   \u21b3 {r['text']}")
        for p in problems:
            print(f"!! {p}")

    if args.fix:
        if not (profile and args.out):
            sys.exit("--fix needs --profile and --out")
        if args.out == args.docx:
            sys.exit("refusing to overwrite the input; choose a different --out")
        changed = apply_fix(doc, profile)
        doc.save(args.out)
        print(f"wrote {args.out}; normalised sections {changed}", file=sys.stderr)

    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
