#!/usr/bin/env python3
"""Render a simple JSON canvas spec to PNG (Pillow) or PDF (reportlab).

Spec format:
{
  "size": [2400, 3200],
  "background": "#F3EFE6",
  "shapes": [
    {"type": "rect", "xy": [200, 200, 2200, 1400], "fill": "#1D3557"},
    {"type": "circle", "center": [1200, 1800], "radius": 420, "outline": "#E63946", "width": 6},
    {"type": "line", "points": [[200, 2600], [2200, 2600]], "color": "#1D3557", "width": 3},
    {"type": "grid", "origin": [200, 2700], "cols": 24, "rows": 3, "step": 80, "dot": 6, "color": "#A8A29E"}
  ],
  "text": [
    {"content": "SILENT ORBIT", "xy": [200, 2900], "size": 96, "color": "#1D3557",
     "font": "DejaVuSans-ExtraLight.ttf", "tracking": 12}
  ]
}
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def find_font(name: str | None, size: int) -> ImageFont.FreeTypeFont:
    candidates = []
    if name:
        p = Path(name)
        if p.exists():
            candidates.append(str(p))
        else:
            try:
                out = subprocess.run(["fc-match", "-f", "%{file}", name],
                                     capture_output=True, text=True, timeout=5)
                if out.returncode == 0 and out.stdout:
                    candidates.append(out.stdout.strip())
            except (FileNotFoundError, subprocess.TimeoutExpired):
                pass
    candidates.append("DejaVuSans.ttf")
    for c in candidates:
        try:
            return ImageFont.truetype(c, size)
        except OSError:
            continue
    return ImageFont.load_default()


def draw_tracked_text(draw, xy, text, font, fill, tracking):
    x, y = xy
    for ch in text:
        draw.text((x, y), ch, font=font, fill=fill)
        x += draw.textlength(ch, font=font) + tracking


def render_png(spec: dict, out: Path) -> None:
    w, h = spec["size"]
    img = Image.new("RGB", (w, h), spec.get("background", "#FFFFFF"))
    d = ImageDraw.Draw(img)

    for s in spec.get("shapes", []):
        t = s["type"]
        if t == "rect":
            d.rectangle(s["xy"], fill=s.get("fill"), outline=s.get("outline"), width=s.get("width", 1))
        elif t == "circle":
            cx, cy = s["center"]
            r = s["radius"]
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=s.get("fill"),
                      outline=s.get("outline"), width=s.get("width", 1))
        elif t == "line":
            d.line([tuple(p) for p in s["points"]], fill=s.get("color", "#000"), width=s.get("width", 1))
        elif t == "grid":
            ox, oy = s["origin"]
            r = s.get("dot", 4)
            for row in range(s["rows"]):
                for col in range(s["cols"]):
                    x, y = ox + col * s["step"], oy + row * s["step"]
                    d.ellipse([x - r, y - r, x + r, y + r], fill=s.get("color", "#000"))
        else:
            print(f"warning: unknown shape type {t!r}", file=sys.stderr)

    for t in spec.get("text", []):
        font = find_font(t.get("font"), t.get("size", 48))
        draw_tracked_text(d, t["xy"], t["content"], font, t.get("color", "#000"), t.get("tracking", 0))

    img.save(out, dpi=(300, 300))


def render_pdf(spec: dict, out: Path) -> None:
    # Render at full resolution, then place the bitmap on a PDF page of matching aspect ratio.
    from reportlab.lib.units import inch
    from reportlab.pdfgen import canvas

    tmp = out.with_suffix(".tmp.png")
    render_png(spec, tmp)
    w, h = spec["size"]
    page = (w / 300 * inch, h / 300 * inch)
    c = canvas.Canvas(str(out), pagesize=page)
    c.drawImage(str(tmp), 0, 0, width=page[0], height=page[1])
    c.showPage()
    c.save()
    tmp.unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()

    spec = json.loads(args.spec.read_text())
    if args.out.suffix.lower() == ".pdf":
        render_pdf(spec, args.out)
    else:
        render_png(spec, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
