#!/usr/bin/env python3
"""Render a grid-based poster YAML spec to a print PDF with bleed/crop marks and a PNG preview."""
import argparse
import sys
from pathlib import Path

import yaml
from reportlab.lib import pagesizes
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm, inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

SIZES = {"A1": pagesizes.A1, "A2": pagesizes.A2, "A3": pagesizes.A3, "A4": pagesizes.A4,
         "Letter": pagesizes.LETTER, "Tabloid": (11 * inch, 17 * inch), "18x24": (18 * inch, 24 * inch)}
MIN_SIZE = {"title": 48, "subtitle": 20, "info": 18, "body": 12, "cta": 14}


def warn(msg):
    print(f"warning: {msg}", file=sys.stderr)


def wrap(text, font, size, width):
    lines = []
    for para in text.split("\n"):
        words, cur = para.split(), ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if pdfmetrics.stringWidth(trial, font, size) <= width or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


def fit(text, font, size, leading, w, h, role):
    if size != "auto":
        return size, wrap(text, font, size, w)
    s = 400.0
    while s > 8:
        lines = wrap(text, font, s, w)
        if len(lines) * s * leading <= h and all(pdfmetrics.stringWidth(l, font, s) <= w for l in lines):
            break
        s *= 0.96
    if s < MIN_SIZE.get(role, 8):
        warn(f"{role!r} shrank to {s:.0f} pt (min {MIN_SIZE[role]}); give it more space")
    return s, wrap(text, font, s, w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--out", default="out/poster.pdf")
    ap.add_argument("--preview")
    ap.add_argument("--preview-dpi", type=int, default=72)
    ap.add_argument("--fonts", default="fonts")
    a = ap.parse_args()

    spec = yaml.safe_load(Path(a.spec).read_text())
    pg, gr, pal = spec["page"], spec["grid"], spec["palette"]
    tw, th = SIZES[pg["size"]]
    if pg.get("orientation") == "landscape":
        tw, th = th, tw
    bleed = pg.get("bleed_mm", 3) * mm
    slug = 10 * mm if pg.get("marks") else 0
    off = bleed + slug
    W, H = tw + 2 * off, th + 2 * off

    for name, file in spec.get("fonts", {}).items():
        pdfmetrics.registerFont(TTFont(name, str(Path(a.fonts) / file)))

    m, g = gr["margin_mm"] * mm, gr["gutter_mm"] * mm
    cw = (tw - 2 * m - (gr["columns"] - 1) * g) / gr["columns"]
    rh = (th - 2 * m - (gr["rows"] - 1) * g) / gr["rows"]
    color = lambda k: HexColor(pal.get(k, k))

    def box(b):
        c1, c2 = b["cols"]
        r1, r2 = b["rows"]
        x = off + m + (c1 - 1) * (cw + g)
        w = (c2 - c1 + 1) * cw + (c2 - c1) * g
        top = off + th - m - (r1 - 1) * (rh + g)
        h = (r2 - r1 + 1) * rh + (r2 - r1) * g
        return x, top - h, w, h

    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(a.out, pagesize=(W, H))
    c.setTitle(spec.get("title", Path(a.spec).stem))
    c.setFillColor(color("bg"))
    c.rect(off - bleed, off - bleed, tw + 2 * bleed, th + 2 * bleed, stroke=0, fill=1)

    safe = 5 * mm
    for b in spec["blocks"]:
        x, y, w, h = box(b)
        for side in b.get("bleed", []):
            if side == "left":
                w += x - (off - bleed); x = off - bleed
            if side == "right":
                w = off + tw + bleed - x
            if side == "bottom":
                h += y - (off - bleed); y = off - bleed
            if side == "top":
                h = off + th + bleed - y
        if b["type"] == "rect":
            c.setFillColor(color(b["fill"]))
            c.rect(x, y, w, h, stroke=0, fill=1)
        elif b["type"] == "image":
            img = ImageReader(b["src"])
            iw, ih = img.getSize()
            scale = min(w / iw, h / ih) if b.get("fit", "contain") == "contain" else max(w / iw, h / ih)
            dw, dh = iw * scale, ih * scale
            dpi = iw / (dw / inch)
            if dpi < 150:
                warn(f"{b['src']} is {dpi:.0f} dpi at final size (want ≥150)")
            c.drawImage(img, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto")
        elif b["type"] == "text":
            font, leading = b["font"], b.get("leading", 1.2)
            size, lines = fit(b["text"], font, b.get("size", "auto"), leading, w, h, b.get("role", "body"))
            if x < off + safe or x + w > off + tw - safe:
                warn(f"text block {b.get('role')} enters the 5 mm safe area")
            c.setFillColor(color(b.get("color", "ink")))
            c.setFont(font, size)
            ty = y + h - size
            for line in lines:
                if b.get("align") == "right":
                    c.drawRightString(x + w, ty, line)
                elif b.get("align") == "center":
                    c.drawCentredString(x + w / 2, ty, line)
                else:
                    c.drawString(x, ty, line)
                ty -= size * leading

    if pg.get("marks"):
        c.setStrokeColor(HexColor("#000000"))
        c.setLineWidth(0.25)
        for cx in (off, off + tw):
            for cy in (off, off + th):
                dx = -1 if cx == off else 1
                dy = -1 if cy == off else 1
                c.line(cx + dx * bleed, cy, cx + dx * (bleed + slug * 0.8), cy)
                c.line(cx, cy + dy * bleed, cx, cy + dy * (bleed + slug * 0.8))
    c.showPage()
    c.save()
    print(f"wrote {a.out} ({tw / mm:.0f}×{th / mm:.0f} mm trim, {bleed / mm:.0f} mm bleed)")

    if a.preview:
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(a.out)
        pdf[0].render(scale=a.preview_dpi / 72).to_pil().save(a.preview)
        print(f"preview {a.preview}")


if __name__ == "__main__":
    main()
