#!/usr/bin/env python3
"""Extract brand colour/typography candidates from PDF/DOCX/HTML and emit design tokens."""
import argparse
import json
import re
import sys
from pathlib import Path

HEX = re.compile(r"#?\b([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")
RGB = re.compile(r"(?i)\bRGB[:\s(]*(\d{1,3})[,\s/]+(\d{1,3})[,\s/]+(\d{1,3})")
CMYK = re.compile(r"(?i)\bCMYK[:\s(]*(\d{1,3})[,\s/]+(\d{1,3})[,\s/]+(\d{1,3})[,\s/]+(\d{1,3})")
PANTONE = re.compile(r"(?i)\bPantone\s+([\w -]{2,14}?\s?[CU])\b")
FONT_LINE = re.compile(r"(?i)\b(?:font|typeface|type family)\s*[:\-]\s*([A-Z][\w\s]+?)(?:[,.;\n]|$)")
KNOWN_FONTS = ["Inter", "Helvetica Neue", "Helvetica", "Arial", "Roboto", "Open Sans", "Lato", "Montserrat",
               "Source Sans", "IBM Plex Sans", "Söhne", "Graphik", "GT America", "Futura", "Gotham",
               "Proxima Nova", "Georgia", "Merriweather", "Playfair Display", "Poppins", "Work Sans"]
LABEL = re.compile(r"([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})\s*$")


def pages_from(path):
    p = Path(path)
    if p.suffix.lower() == ".pdf":
        import pdfplumber
        with pdfplumber.open(p) as pdf:
            for n, page in enumerate(pdf.pages, 1):
                swatches = []
                for r in page.rects:
                    col = r.get("non_stroking_color")
                    if col and isinstance(col, (list, tuple)) and len(col) == 3 and r["width"] > 20 and r["height"] > 20:
                        swatches.append("#" + "".join(f"{round(c * 255):02X}" for c in col))
                yield n, page.extract_text() or "", swatches
    elif p.suffix.lower() == ".docx":
        from docx import Document
        yield 1, "\n".join(par.text for par in Document(p).paragraphs), []
    else:
        text = re.sub(r"<[^>]+>", " ", p.read_text(errors="replace"))
        yield 1, text, []


def cmyk_to_hex(c, m, y, k):
    c, m, y, k = (v / 100 for v in (c, m, y, k))
    return "#" + "".join(f"{round(255 * (1 - v) * (1 - k)):02X}" for v in (c, m, y))


def label_before(text, idx):
    before = text[max(0, idx - 80):idx].splitlines()
    for line in reversed(before):
        m = LABEL.search(line.strip())
        if m:
            return m.group(1)
    return ""


def extract(path):
    colors, fonts = [], {}
    for page, text, swatches in pages_from(path):
        for m in HEX.finditer(text):
            raw = m.group(1)
            if not m.group(0).startswith("#") and not re.search(r"(?i)hex", text[max(0, m.start() - 12):m.start()]):
                continue
            h = "#" + (raw if len(raw) == 6 else "".join(c * 2 for c in raw)).upper()
            colors.append({"value": h, "label": label_before(text, m.start()), "page": page, "source": "hex"})
        for m in RGB.finditer(text):
            h = "#" + "".join(f"{min(255, int(v)):02X}" for v in m.groups())
            colors.append({"value": h, "label": label_before(text, m.start()), "page": page, "source": "rgb"})
        for m in CMYK.finditer(text):
            colors.append({"value": cmyk_to_hex(*map(int, m.groups())), "label": label_before(text, m.start()),
                           "page": page, "source": "cmyk", "approximate": True})
        for m in PANTONE.finditer(text):
            colors.append({"value": None, "pantone": m.group(1).strip(), "label": label_before(text, m.start()), "page": page, "source": "pantone"})
        for s in swatches:
            colors.append({"value": s, "label": "", "page": page, "source": "swatch"})
        for f in KNOWN_FONTS:
            if re.search(rf"\b{re.escape(f)}\b", text):
                fonts.setdefault(f, []).append(page)
        for m in FONT_LINE.finditer(text):
            fonts.setdefault(m.group(1).strip(), []).append(page)
    seen, uniq = set(), []
    for c in colors:
        key = (c["value"], c.get("pantone"))
        if key in seen:
            continue
        seen.add(key)
        uniq.append(c)
    return {"colors": uniq, "fonts": [{"family": k, "pages": sorted(set(v))} for k, v in fonts.items()]}


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def emit(confirmed, outdir):
    data = json.loads(Path(confirmed).read_text())
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    tokens, css, tw = {"color": {}, "font": {"family": {}}}, [], {"colors": {}, "fontFamily": {}}
    for t in data["tokens"]:
        name, value, typ = t["name"], t["value"], t["type"]
        parts = name.split(".")
        node = tokens
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = {"$value": value, "$type": typ, "$description": t.get("description", "")}
        var = "--" + "-".join(parts)
        css.append(f"  {var}: {', '.join(value) if isinstance(value, list) else value};")
        if typ == "color":
            tw["colors"]["-".join(parts[1:])] = f"var({var})"
        elif typ == "fontFamily":
            tw["fontFamily"][parts[-1]] = value if isinstance(value, list) else [value]
    (out / "brand.tokens.json").write_text(json.dumps(tokens, indent=2, ensure_ascii=False) + "\n")
    (out / "brand.css").write_text(":root {\n" + "\n".join(css) + "\n}\n")
    (out / "tailwind.brand.cjs").write_text("module.exports = { theme: { extend: " + json.dumps(tw, indent=2, ensure_ascii=False) + " } };\n")
    print(f"wrote tokens to {out}/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("guide", nargs="?")
    ap.add_argument("--out", default="brand-candidates.json")
    ap.add_argument("--emit", help="confirmed JSON: {tokens:[{name,value,type,description}]}")
    ap.add_argument("--outdir", default="tokens")
    a = ap.parse_args()
    if a.emit:
        emit(a.emit, a.outdir)
        return
    if not a.guide:
        sys.exit("give a guide file or --emit")
    res = extract(a.guide)
    Path(a.out).write_text(json.dumps(res, indent=2, ensure_ascii=False))
    print(f"{len(res['colors'])} colour candidates, {len(res['fonts'])} font candidates -> {a.out}")


if __name__ == "__main__":
    main()
