#!/usr/bin/env python3
"""Local accessibility pre-check for tagged PDFs.

Reads one or more PDFs with pikepdf and reports common PDF/UA problems.
Read-only: the input files are never written.
"""
from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from dataclasses import dataclass, asdict, field

try:
    import pikepdf
    from pikepdf import Name, Dictionary, Array
except ImportError:  # pragma: no cover
    sys.exit("pikepdf is required: python3 -m pip install 'pikepdf==9.4.2'")

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
    "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
    "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}
HEADING_RE = re.compile(r"^H([1-6])$")


@dataclass
class Finding:
    check: str
    severity: str
    message: str
    page: int | None = None
    detail: dict = field(default_factory=dict)


def page_index_map(pdf: pikepdf.Pdf) -> dict:
    return {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}


def resolve_role(role_map: Dictionary | None, s_type: str) -> str:
    seen = set()
    while role_map is not None and s_type not in STANDARD_TYPES and s_type not in seen:
        seen.add(s_type)
        target = role_map.get(Name("/" + s_type))
        if target is None:
            break
        s_type = str(target)[1:]
    return s_type


def walk_struct(root, role_map, pages):
    """Iterative depth-first walk yielding (type, element, page_number)."""
    stack = [(root, None)]
    while stack:
        node, inherited_page = stack.pop()
        if not isinstance(node, Dictionary):
            continue
        page_no = inherited_page
        pg = node.get("/Pg")
        if pg is not None:
            page_no = pages.get(pg.objgen, inherited_page)
        s = node.get("/S")
        if s is not None:
            yield resolve_role(role_map, str(s)[1:]), node, page_no
        kids = node.get("/K")
        if kids is None:
            continue
        if isinstance(kids, Array):
            for kid in reversed(list(kids)):
                stack.append((kid, page_no))
        else:
            stack.append((kids, page_no))


def check(pdf: pikepdf.Pdf, max_figures: int, want_outline: bool):
    findings: list[Finding] = []
    outline: list[dict] = []
    root = pdf.Root
    pages = page_index_map(pdf)

    mark_info = root.get("/MarkInfo")
    if not (mark_info is not None and bool(mark_info.get("/Marked", False))):
        findings.append(Finding("T01", "error", "Document is not marked as tagged (/MarkInfo /Marked)."))

    tree = root.get("/StructTreeRoot")
    if tree is None or tree.get("/K") is None:
        findings.append(Finding("T02", "error", "No structure tree: the PDF is untagged."))
        tree = None

    if not str(root.get("/Lang", "")).strip():
        findings.append(Finding("T03", "error", "Catalog /Lang is missing (screen readers cannot pick a voice)."))

    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        title = meta.get("dc:title")
        ua_part = meta.get("pdfuaid:part")
    prefs = root.get("/ViewerPreferences")
    display_title = bool(prefs.get("/DisplayDocTitle", False)) if prefs is not None else False
    if not title or not display_title:
        findings.append(Finding("T04", "error", "Title missing or DisplayDocTitle not set.",
                                detail={"title": title or "", "DisplayDocTitle": display_title}))
    if not ua_part:
        findings.append(Finding("T11", "info", "XMP has no pdfuaid:part; the file does not claim PDF/UA."))

    if tree is not None:
        role_map = tree.get("/RoleMap")
        last_level = 0
        figures_missing = 0
        tables = {}
        for s_type, node, page_no in walk_struct(tree, role_map, pages):
            raw = str(node.get("/S"))[1:]
            if raw not in STANDARD_TYPES and s_type not in STANDARD_TYPES:
                findings.append(Finding("T08", "warning", f"Custom type /{raw} has no standard role mapping.", page_no))
            if s_type == "Figure" and node.get("/Alt") is None and node.get("/ActualText") is None:
                figures_missing += 1
                if figures_missing <= max_figures:
                    bbox = None
                    attrs = node.get("/A")
                    if isinstance(attrs, Dictionary) and attrs.get("/BBox") is not None:
                        bbox = [float(x) for x in attrs.get("/BBox")]
                    findings.append(Finding("T05", "error", "Figure has no alt text.", page_no, {"bbox": bbox}))
            m = HEADING_RE.match(s_type)
            if m:
                level = int(m.group(1))
                if last_level and level > last_level + 1:
                    findings.append(Finding("T06", "warning", f"Heading jumps from H{last_level} to H{level}.", page_no))
                last_level = level
                if want_outline:
                    outline.append({"level": level, "page": page_no, "title": str(node.get("/T", ""))})
            if s_type == "Table":
                tables[node.objgen] = {"page": page_no, "th": 0}
            if s_type == "TH":
                # attribute to most recent table seen; good enough for a pre-check
                if tables:
                    tables[list(tables)[-1]]["th"] += 1
        if figures_missing > max_figures:
            findings.append(Finding("T05", "error", f"... and {figures_missing - max_figures} more figures without alt text."))
        for t in tables.values():
            if t["th"] == 0:
                findings.append(Finding("T07", "warning", "Table has no header cells (TH).", t["page"]))

    for i, page in enumerate(pdf.pages, start=1):
        if page.obj.get("/Annots") and str(page.obj.get("/Tabs", "")) != "/S":
            findings.append(Finding("T09", "warning", "Page has annotations but /Tabs is not /S.", i))
        fonts = page.obj.get("/Resources", {}).get("/Font", {}) if page.obj.get("/Resources") else {}
        for fname, font in dict(fonts).items():
            desc = font.get("/FontDescriptor")
            if font.get("/Subtype") == Name.Type0:
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            if desc is not None and not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                findings.append(Finding("T10", "warning", f"Font {font.get('/BaseFont')} is not embedded.", i))
    return findings, outline


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdfs", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--outline", action="store_true")
    ap.add_argument("--max-figures", type=int, default=50)
    ap.add_argument("--fail-on", choices=list(SEVERITY_ORDER), default=None)
    ap.add_argument("--password", default=None)
    args = ap.parse_args()

    results = {}
    worst = -1
    for path in args.pdfs:
        try:
            pdf = pikepdf.open(path, password=args.password or "")
        except pikepdf.PasswordError:
            pw = getpass.getpass(f"Password for {path}: ")
            pdf = pikepdf.open(path, password=pw)
        with pdf:
            findings, outline = check(pdf, args.max_figures, args.outline)
        results[path] = {"findings": [asdict(f) for f in findings], "outline": outline}
        for f in findings:
            worst = max(worst, SEVERITY_ORDER[f.severity])

    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        for path, res in results.items():
            errs = sum(1 for f in res["findings"] if f["severity"] == "error")
            warns = sum(1 for f in res["findings"] if f["severity"] == "warning")
            print(f"== {path}: {errs} error(s), {warns} warning(s)")
            for f in sorted(res["findings"], key=lambda f: -SEVERITY_ORDER[f["severity"]]):
                where = f" p.{f['page']}" if f["page"] else ""
                print(f"  [{f['severity']:7}] {f['check']}{where}: {f['message']}")
            if res["outline"]:
                print("  Outline:")
                for h in res["outline"]:
                    print(f"    {'  ' * (h['level'] - 1)}H{h['level']} {h['title']} (p.{h['page']})")
    if args.fail_on and worst >= SEVERITY_ORDER[args.fail_on]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
