#!/usr/bin/env python3
"""Estimate text overflow, off-slide shapes and over-shrunk autofit in a .pptx."""
from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DEFAULT_PT = 18.0
TITLE_PT = 44.0


def inherited_size(shape, para, run) -> float:
    if run is not None and run.font.size:
        return run.font.size.pt
    if para.font.size:
        return para.font.size.pt
    # look for defRPr sz on the paragraph properties or list style
    pPr = para._p.find(f"{NS_A}pPr")
    if pPr is not None:
        d = pPr.find(f"{NS_A}defRPr")
        if d is not None and d.get("sz"):
            return int(d.get("sz")) / 100
    if getattr(shape, "is_placeholder", False):
        try:
            layout_ph = shape.slide_layout_placeholder  # type: ignore[attr-defined]
        except AttributeError:
            layout_ph = None
        idx_type = str(shape.placeholder_format.type)
        if "TITLE" in idx_type:
            return TITLE_PT
    return DEFAULT_PT


def line_spacing(para) -> float:
    ls = para.line_spacing
    if ls is None:
        return 1.2
    if isinstance(ls, float):
        return ls * 1.2
    return ls.pt  # absolute Length; caller treats >5 as points


def autofit_scale(tf) -> float:
    body = tf._txBody.find(f"{NS_A}bodyPr")
    if body is None:
        return 1.0
    norm = body.find(f"{NS_A}normAutofit")
    if norm is not None and norm.get("fontScale"):
        return int(norm.get("fontScale")) / 100000
    return 1.0


def measure_frame(shape, tf, width_emu: int, height_emu: int, glyph_ratio: float):
    ins_l = tf.margin_left or Emu(91440)
    ins_r = tf.margin_right or Emu(91440)
    ins_t = tf.margin_top or Emu(45720)
    ins_b = tf.margin_bottom or Emu(45720)
    usable_w = max(1, width_emu - ins_l - ins_r) / EMU_PER_PT
    usable_h = max(1, height_emu - ins_t - ins_b) / EMU_PER_PT
    scale = autofit_scale(tf)
    total_pt, total_lines, min_size = 0.0, 0.0, None
    for para in tf.paragraphs:
        text = "".join(r.text for r in para.runs) or para.text
        run = para.runs[0] if para.runs else None
        size = inherited_size(shape, para, run) * scale
        min_size = size if min_size is None else min(min_size, size)
        indent = 0.25 * 72 * (para.level or 0)
        cpl = max(1.0, (usable_w - indent) / (size * glyph_ratio))
        lines = max(1, math.ceil(len(text) / cpl)) if text else 1
        ls = line_spacing(para)
        line_h = ls if ls > 5 else size * ls
        total_pt += lines * line_h
        total_lines += lines
    fits_lines = usable_h / ((min_size or DEFAULT_PT) * 1.2)
    return total_pt, usable_h, total_lines, fits_lines, scale, min_size or DEFAULT_PT


def slide_title(slide) -> str:
    t = slide.shapes.title
    return (t.text_frame.text.strip().splitlines() or [""])[0][:28] if t is not None and t.has_text_frame else ""


def lint(path: str, min_pt: float, glyph_ratio: float):
    prs = Presentation(path)
    sw, sh = prs.slide_width, prs.slide_height
    findings = []
    for sno, slide in enumerate(prs.slides, 1):
        title = slide_title(slide)
        for shape in slide.shapes:
            base = {"slide": sno, "title": title, "shape": shape.name}
            if shape.left is not None and shape.width is not None:
                over_r = shape.left + shape.width - sw
                over_b = shape.top + shape.height - sh
                if shape.left < 0 or shape.top < 0 or over_r > 0 or over_b > 0:
                    worst = max(-shape.left, -shape.top, over_r, over_b)
                    findings.append({**base, "kind": "OFF-SLIDE",
                                     "detail": f"extends {worst / 914400:.2f} in past the slide edge"})
            if shape.has_chart or shape.shape_type is not None and "SMART" in str(shape.shape_type):
                findings.append({**base, "kind": "SKIPPED", "detail": "chart/SmartArt text not measured"})
                continue
            frames = []
            if shape.has_text_frame and shape.text_frame.text.strip():
                frames.append((shape.text_frame, shape.width, shape.height))
            if getattr(shape, "has_table", False) and shape.has_table:
                tbl = shape.table
                for r_i, row in enumerate(tbl.rows):
                    for c_i, cell in enumerate(row.cells):
                        if cell.is_merge_origin or cell.is_spanned:
                            continue
                        if cell.text_frame.text.strip():
                            frames.append((cell.text_frame, tbl.columns[c_i].width, row.height))
            for tf, w, h in frames:
                need, have, lines, fits, scale, size = measure_frame(shape, tf, w, h, glyph_ratio)
                if need > have * 1.05:
                    findings.append({**base, "kind": "OVERFLOW",
                                     "detail": f"est. {lines:.1f} lines, fits {fits:.1f} ({need / have:.0%})"})
                if scale < 1.0 and size < min_pt:
                    findings.append({**base, "kind": "TOO-SMALL",
                                     "detail": f"autofit scale {scale:.0%} -> {size:.1f} pt"})
    return findings


def render(path: str, slides: list[int], outdir: str) -> None:
    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        print("render skipped: need soffice and pdftoppm on PATH", file=sys.stderr)
        return
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, path],
                       check=True, capture_output=True)
        pdf = next(Path(tmp).glob("*.pdf"))
        for s in sorted(set(slides)):
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(s), "-l", str(s), str(pdf),
                            str(out / f"slide-{s:03d}")], check=True)
    print(f"rendered {len(set(slides))} slide(s) to {out}/")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("--min-pt", type=float, default=14.0)
    ap.add_argument("--glyph-ratio", type=float, default=0.5)
    ap.add_argument("--json")
    ap.add_argument("--render", metavar="DIR")
    a = ap.parse_args()
    findings = lint(a.pptx, a.min_pt, a.glyph_ratio)
    for f in findings:
        print(f"slide {f['slide']:>3}  {json.dumps(f['title']):<28} {f['shape'][:24]:<24} {f['kind']:<10} {f['detail']}")
    if not findings:
        print("no overflow, off-slide or too-small text found")
    if a.json:
        Path(a.json).write_text(json.dumps(findings, indent=2))
    flagged = [f["slide"] for f in findings if f["kind"] != "SKIPPED"]
    if a.render and flagged:
        render(a.pptx, flagged, a.render)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
