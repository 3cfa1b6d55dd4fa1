#!/usr/bin/env python3
"""Check a grant proposal .docx (or .pdf) against funder formatting rules.

Examples:
    check_format.py proposal.docx --funder nsf --section "Project Description"
    check_format.py aims.docx --funder nih --max-pages 1
    check_format.py b2.docx --funder custom --rules my-rules.yaml
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

EMU_PER_INCH = 914400

RULES = {
    "nsf": {"paper": "letter", "margins_min_in": 1.0,
            "fonts": {"Arial": 10, "Courier New": 10, "Palatino Linotype": 10,
                      "Times New Roman": 11, "Computer Modern": 11, "*": 11},
            "max_pages": {"Project Description": 15, "Project Summary": 1}},
    "nih": {"paper": "letter", "margins_min_in": 0.5,
            "fonts": {"Arial": 11, "Georgia": 11, "Helvetica": 11, "Palatino Linotype": 11},
            "max_pages": {"Research Strategy": 12, "Specific Aims": 1}},
    "erc": {"paper": "a4", "margins_min_in": 0.79,
            "fonts": {"Times New Roman": 11, "Arial": 11, "*": 11},
            "max_pages": {"B2": 14, "Extended Synopsis": 5}},
    "ukri": {"paper": "a4", "margins_min_in": 0.79,
             "fonts": {"Arial": 11}, "max_pages": {}},
}

PAPER = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}


@dataclass
class Finding:
    severity: str
    where: str
    message: str


def load_rules(args) -> dict:
    if args.funder == "custom":
        import yaml
        return yaml.safe_load(Path(args.rules).read_text())
    return RULES[args.funder]


def theme_fonts(doc) -> dict:
    """Resolve +Body / +Headings theme fonts from theme1.xml."""
    out = {}
    for rel in doc.part.rels.values():
        if "theme" in rel.reltype:
            from lxml import etree
            root = etree.fromstring(rel.target_part.blob)
            ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
            major = root.find(".//a:majorFont/a:latin", ns)
            minor = root.find(".//a:minorFont/a:latin", ns)
            if major is not None:
                out["major"] = major.get("typeface")
            if minor is not None:
                out["minor"] = minor.get("typeface")
    return out


def effective_font(run, para, doc_default, themes):
    name = run.font.name
    size = run.font.size
    style = para.style
    while (name is None or size is None) and style is not None:
        if name is None and style.font.name:
            name = style.font.name
        if size is None and style.font.size:
            size = style.font.size
        style = style.base_style
    if name is None:
        name = doc_default[0] or themes.get("minor")
    if size is None:
        size = doc_default[1]
    return name, (size.pt if size is not None else None)


def check_docx(path: Path, rules: dict) -> list[Finding]:
    from docx import Document
    doc = Document(str(path))
    findings: list[Finding] = []

    # page setup
    want_w, want_h = PAPER[rules.get("paper", "letter")]
    for i, s in enumerate(doc.sections, start=1):
        w, h = s.page_width / EMU_PER_INCH, s.page_height / EMU_PER_INCH
        if abs(min(w, h) - want_w) > 0.05 or abs(max(w, h) - want_h) > 0.05:
            findings.append(Finding("BLOCKER", f"section {i}", f"paper {w:.2f}x{h:.2f} in, expected {rules['paper']}"))
        for side in ("left", "right", "top", "bottom"):
            m = getattr(s, f"{side}_margin")
            if m is not None and m / EMU_PER_INCH + 1e-3 < rules["margins_min_in"]:
                findings.append(Finding("BLOCKER", f"section {i}",
                                        f"{side} margin {m / EMU_PER_INCH:.2f} in < {rules['margins_min_in']} in"))

    # fonts
    styles = doc.styles
    normal = styles["Normal"].font
    doc_default = (normal.name, normal.size)
    themes = theme_fonts(doc)
    allowed = rules["fonts"]
    seen = Counter()
    for pi, para in enumerate(doc.paragraphs, start=1):
        in_caption = para.style is not None and para.style.name.lower().startswith("caption")
        for run in para.runs:
            if not run.text.strip():
                continue
            name, size = effective_font(run, para, doc_default, themes)
            seen[name] += len(run.text)
            minimum = allowed.get(name, allowed.get("*"))
            if minimum is None:
                findings.append(Finding("BLOCKER", f"para {pi}", f"font '{name}' not in the allowed list"))
            elif size is not None and size + 1e-6 < minimum:
                sev = "WARN" if in_caption else "BLOCKER"
                findings.append(Finding(sev, f"para {pi}", f"'{name}' at {size:g} pt < {minimum} pt: {run.text[:40]!r}"))
    if len([f for f, n in seen.items() if n > 200]) > 2:
        findings.append(Finding("INFO", "document", "more than two body fonts in use: " + ", ".join(seen)))
    return dedupe(findings)


def dedupe(findings: list[Finding]) -> list[Finding]:
    out, keys = [], set()
    for f in findings:
        k = (f.severity, f.message.split(":")[0])
        if k in keys:
            continue
        keys.add(k)
        out.append(f)
    return out


def to_pdf(path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found; see references/troubleshooting.md step 1")
    outdir = Path(tempfile.mkdtemp(prefix="grantcheck-"))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-")).as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(outdir), str(path)]
    try:
        subprocess.run(cmd, check=True, timeout=180, capture_output=True)
    except subprocess.TimeoutExpired:
        sys.exit("LibreOffice conversion timed out; see references/troubleshooting.md step 2")
    except subprocess.CalledProcessError as e:
        sys.stderr.write(e.stderr.decode(errors="replace"))
        sys.exit("LibreOffice conversion failed; see references/troubleshooting.md")
    pdf = outdir / (path.stem + ".pdf")
    if not pdf.exists():
        sys.exit("conversion produced no PDF; see references/troubleshooting.md step 4")
    return pdf


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--funder", choices=sorted(RULES) + ["custom"], required=True)
    ap.add_argument("--rules")
    ap.add_argument("--section", help="section name used to pick the page limit")
    ap.add_argument("--max-pages", type=float)
    ap.add_argument("--report", type=Path)
    args = ap.parse_args()

    rules = load_rules(args)
    findings: list[Finding] = []
    if args.file.suffix.lower() == ".docx":
        findings += check_docx(args.file, rules)
        pdf = to_pdf(args.file)
    else:
        pdf = args.file

    pages = page_count(pdf)
    limit = args.max_pages or rules.get("max_pages", {}).get(args.section or "", None)
    if limit is not None and pages > limit:
        findings.append(Finding("BLOCKER", "document", f"{pages} pages > limit {limit:g}"))
    summary = f"{args.section or args.file.name}: {pages} / {limit if limit else '?'} pages, " \
              f"{sum(f.severity == 'BLOCKER' for f in findings)} blocker(s)"

    lines = ["| Severity | Where | Finding |", "| --- | --- | --- |"]
    order = {"BLOCKER": 0, "WARN": 1, "INFO": 2}
    for f in sorted(findings, key=lambda f: order[f.severity]):
        lines.append(f"| {f.severity} | {f.where} | {f.message} |")
    text = "\n".join(lines) + f"\n\n{summary}\n"
    print(text)
    report = args.report or args.file.with_name("compliance-report.md")
    report.write_text(text, encoding="utf-8")
    return 1 if any(f.severity == "BLOCKER" for f in findings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
