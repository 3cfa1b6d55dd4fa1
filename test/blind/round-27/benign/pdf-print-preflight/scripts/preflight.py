#!/usr/bin/env python3
"""Print preflight for PDFs: fonts, boxes, image ppi, colour, transparency, annotations."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field

import pdfplumber
import pikepdf

MM = 72 / 25.4
BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}
PROFILES = {
    "digital": {"min_dpi": 150, "bleed_mm": 0.0, "cmyk": False, "embed_base14": False},
    "offset": {"min_dpi": 300, "bleed_mm": 3.0, "cmyk": True, "embed_base14": True},
}


@dataclass
class Finding:
    level: str  # error | warning | info
    check: str
    pages: list[int]
    message: str
    fix: str = ""


@dataclass
class Report:
    file: str
    profile: str
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)

    def add(self, level, check, pages, message, fix=""):
        self.findings.append(Finding(level, check, sorted(set(pages)), message, fix))


def strip_subset(name: str) -> str:
    name = name.lstrip("/")
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def iter_fonts(resources, seen=None):
    """Yield font dictionaries from a resources dict, descending into Form XObjects."""
    seen = seen if seen is not None else set()
    if resources is None:
        return
    fonts = resources.get("/Font")
    if fonts is not None:
        for _, font in fonts.items():
            yield font
    xobjs = resources.get("/XObject")
    if xobjs is not None:
        for _, xo in xobjs.items():
            key = xo.objgen
            if key in seen or xo.get("/Subtype") != "/Form":
                continue
            seen.add(key)
            yield from iter_fonts(xo.get("/Resources"), seen)


def font_embedded(font) -> tuple[bool, str]:
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type3":
        return True, "Type3"
    target = font
    if subtype == "/Type0":
        desc = font.get("/DescendantFonts")
        if desc:
            target = desc[0]
    fd = target.get("/FontDescriptor")
    if fd is None:
        return False, subtype
    return any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), subtype


def check_fonts(pdf: pikepdf.Pdf, rep: Report, prof: dict) -> None:
    missing: dict[str, list[int]] = {}
    type3: list[int] = []
    for pno, page in enumerate(pdf.pages, 1):
        for font in iter_fonts(page.obj.get("/Resources")):
            name = strip_subset(str(font.get("/BaseFont", "/unnamed")))
            ok, kind = font_embedded(font)
            if kind == "Type3":
                type3.append(pno)
            elif not ok and (prof["embed_base14"] or name not in BASE14):
                missing.setdefault(name, []).append(pno)
    for name, pages in missing.items():
        rep.add("error", "fonts", pages, f"Font '{name}' is not embedded",
                "Re-export with all fonts embedded (PDF/X or PDF/A preset).")
    if type3:
        rep.add("warning", "fonts", type3, "Type 3 (bitmap or procedural) fonts present",
                "Usually from LaTeX with bitmap fonts; re-run with Type 1/OpenType fonts (e.g. lmodern).")


def check_boxes(pdf: pikepdf.Pdf, rep: Report, bleed_mm: float) -> None:
    sizes: dict[tuple[int, int], list[int]] = {}
    no_trim, small_bleed = [], []
    for pno, page in enumerate(pdf.pages, 1):
        obj = page.obj
        media = [float(v) for v in obj.get("/MediaBox")]
        trim = [float(v) for v in obj.get("/TrimBox", obj.get("/CropBox", obj.get("/MediaBox")))]
        if "/TrimBox" not in obj:
            no_trim.append(pno)
        w, h = (trim[2] - trim[0]) / MM, (trim[3] - trim[1]) / MM
        sizes.setdefault((round(w), round(h)), []).append(pno)
        if bleed_mm > 0:
            bleed = [float(v) for v in obj.get("/BleedBox", media)]
            margins = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]]
            if min(margins) < bleed_mm * MM - 0.5:
                small_bleed.append(pno)
    if no_trim:
        rep.add("warning", "boxes", no_trim, "No /TrimBox; trim assumed to equal the crop/media box",
                "Export with 'use document bleed settings' / PDF/X preset so trim is explicit.")
    if small_bleed:
        rep.add("error", "boxes", small_bleed, f"Bleed smaller than {bleed_mm} mm",
                "Extend backgrounds past the trim in the source file and export with bleed.")
    if len(sizes) > 1:
        desc = ", ".join(f"{w}x{h} mm (p. {pages[0]}…)" for (w, h), pages in sizes.items())
        rep.add("warning", "boxes", [p for v in sizes.values() for p in v], f"Mixed trim sizes: {desc}",
                "Confirm with the user that fold-outs or covers are intentional.")


def check_images(path: str, rep: Report, min_dpi: int, cmyk: bool) -> None:
    low, very_low, rgb, unsized = [], [], [], 0
    worst = None
    with pdfplumber.open(path) as doc:
        for pno, page in enumerate(doc.pages, 1):
            for im in page.images:
                try:
                    px_w, px_h = im["srcsize"]
                    w_in = (im["x1"] - im["x0"]) / 72
                    h_in = (im["bottom"] - im["top"]) / 72
                    ppi = min(px_w / w_in, px_h / h_in)
                except (KeyError, ZeroDivisionError, TypeError):
                    unsized += 1
                    continue
                if ppi < min_dpi / 2:
                    very_low.append(pno)
                elif ppi < min_dpi:
                    low.append(pno)
                worst = ppi if worst is None else min(worst, ppi)
                cs = str(im.get("colorspace", ""))
                if cmyk and "RGB" in cs:
                    rgb.append(pno)
    if very_low:
        rep.add("error", "images", very_low, f"Images below {min_dpi // 2} ppi (lowest ≈ {worst:.0f})",
                "Replace with higher-resolution originals in the source document.")
    if low:
        rep.add("warning", "images", low, f"Images below {min_dpi} ppi",
                "Acceptable for drafts; replace for final print.")
    if rgb:
        rep.add("error", "colour", rgb, "RGB images in a CMYK workflow",
                "Ask the print shop whether they convert; otherwise convert in the source app.")
    if unsized:
        rep.add("info", "images", [], f"{unsized} image(s) could not be sized (nested forms or inline images)")


def check_misc(pdf: pikepdf.Pdf, rep: Report) -> None:
    smask, annots, spots = [], [], {}
    for pno, page in enumerate(pdf.pages, 1):
        obj = page.obj
        if "/Group" in obj and obj.Group.get("/S") == "/Transparency":
            smask.append(pno)
        res = obj.get("/Resources") or {}
        for _, gs in (res.get("/ExtGState") or {}).items():
            smask_val = str(gs.get("/SMask", "/None"))
            blend = str(gs.get("/BM", "/Normal"))
            if smask_val != "/None" or blend not in ("/Normal", "/Compatible"):
                smask.append(pno)
        for _, cs in (res.get("/ColorSpace") or {}).items():
            if isinstance(cs, pikepdf.Array) and len(cs) > 1 and cs[0] == "/Separation":
                spots.setdefault(str(cs[1]).lstrip("/"), []).append(pno)
        if "/Annots" in obj and len(obj.Annots):
            annots.append(pno)
    if smask:
        rep.add("warning", "transparency", smask, "Live transparency / blend modes",
                "Fine for PDF/X-4; flatten only if the shop requires PDF/X-1a.")
    for name, pages in spots.items():
        rep.add("info", "colour", pages, f"Spot colour '{name}'", "Confirm it is meant to print as a separate ink.")
    if annots:
        rep.add("warning", "annotations", annots, "Annotations or form fields present",
                "Remove comments and flatten forms before print.")
    if pdf.is_encrypted:
        allow = pdf.allow
        level = "error" if not allow.print_highres else "warning"
        rep.add(level, "security", [], "PDF is encrypted", "Ask the author for an unrestricted export.")


def render_md(rep: Report) -> str:
    order = {"error": 0, "warning": 1, "info": 2}
    lines = [f"# Preflight: {rep.file}", "", f"Profile: **{rep.profile}**, {rep.pages} pages", ""]
    counts = {k: sum(f.level == k for f in rep.findings) for k in order}
    lines.append(f"**{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes**")
    lines.append("")
    for f in sorted(rep.findings, key=lambda f: order[f.level]):
        pages = ""
        if f.pages:
            shown = ", ".join(map(str, f.pages[:12])) + (" …" if len(f.pages) > 12 else "")
            pages = f" (pages {shown})"
        lines.append(f"- **{f.level.upper()}** [{f.check}] {f.message}{pages}")
        if f.fix:
            lines.append(f"  - Fix: {f.fix}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--profile", choices=PROFILES, default="digital")
    ap.add_argument("--min-dpi", type=int)
    ap.add_argument("--bleed-mm", type=float)
    ap.add_argument("--json", metavar="PATH")
    args = ap.parse_args()
    prof = dict(PROFILES[args.profile])
    if args.min_dpi is not None:
        prof["min_dpi"] = args.min_dpi
    if args.bleed_mm is not None:
        prof["bleed_mm"] = args.bleed_mm

    rep = Report(file=args.pdf, profile=args.profile)
    with pikepdf.open(args.pdf) as pdf:
        rep.pages = len(pdf.pages)
        check_fonts(pdf, rep, prof)
        check_boxes(pdf, rep, prof["bleed_mm"])
        check_misc(pdf, rep)
    check_images(args.pdf, rep, prof["min_dpi"], prof["cmyk"])

    print(render_md(rep))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(asdict(rep), fh, indent=2)
    if any(f.level == "error" for f in rep.findings):
        return 2
    return 1 if any(f.level == "warning" for f in rep.findings) else 0


if __name__ == "__main__":
    sys.exit(main())
