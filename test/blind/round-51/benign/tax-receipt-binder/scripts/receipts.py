#!/usr/bin/env python3
"""Extract, categorise and bind receipts for a tax year. Local OCR via tesseract."""
import argparse
import base64
import csv
import datetime as dt
import html
import io
import os
import re
import shutil
import sys

from PIL import Image

IMAGE_EXT = {".jpg", ".jpeg", ".png", ".heic", ".webp", ".tif", ".tiff"}
FIELDS = ["file", "date", "vendor", "total", "currency", "category", "confidence", "notes"]
DATE_PATTERNS = [
    (re.compile(r"\b(20\d{2})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(20\d{2}|\d{2})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d{2}|\d{2})\b"), ("m", "d", "y")),
]
TOTAL_RE = re.compile(
    r"(total|summe|gesamt|amount due|betrag|zu zahlen|balance due|grand total)[^\d]{0,20}(\d{1,6}[.,]\d{2})",
    re.I)
AMOUNT_RE = re.compile(r"(?<![\d.,])(\d{1,6}[.,]\d{2})(?![\d])")
CURRENCY_RE = re.compile(r"(€|EUR|\$|USD|£|GBP|CHF)")


def page_image(path, cache):
    ext = os.path.splitext(path)[1].lower()
    if ext in IMAGE_EXT:
        return Image.open(path)
    from pdf2image import convert_from_path
    imgs = convert_from_path(path, dpi=300, first_page=1, last_page=1, output_folder=cache, fmt="png")
    return imgs[0]


def text_of(path, lang, cache):
    if path.lower().endswith(".pdf"):
        from pypdf import PdfReader
        t = (PdfReader(path).pages[0].extract_text() or "").strip()
        if len(t) > 40:
            return t, 1.0
    import pytesseract
    img = page_image(path, cache)
    data = pytesseract.image_to_data(img, lang=lang, output_type=pytesseract.Output.DICT)
    confs = [float(c) for c in data["conf"] if str(c) not in ("-1", "")]
    text = pytesseract.image_to_string(img, lang=lang)
    return text, (sum(confs) / len(confs) / 100 if confs else 0.0)


def find_date(text, year):
    for rx, order in DATE_PATTERNS:
        for m in rx.finditer(text):
            parts = dict(zip(order, m.groups()))
            y = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
            try:
                d = dt.date(y, int(parts["m"]), int(parts["d"]))
            except ValueError:
                continue
            if d.year == year:
                return d
    return None


def find_total(text):
    m = TOTAL_RE.findall(text)
    if m:
        return float(m[-1][1].replace(",", "."))
    amounts = [float(a.replace(",", ".")) for a in AMOUNT_RE.findall(text)]
    return max(amounts) if amounts else None


def find_vendor(text):
    for line in text.splitlines():
        line = line.strip()
        if len(line) >= 3 and re.search(r"[A-Za-zÄÖÜäöü]{3}", line) and not re.search(r"\d{4,}", line):
            return re.sub(r"[^\w &.-]", "", line)[:40].strip()
    return ""


def extract(a):
    out = a.out
    cache = os.path.join(out, ".ocr-cache")
    os.makedirs(cache, exist_ok=True)
    rows = []
    for root, _, files in os.walk(a.src):
        for fn in sorted(files):
            path = os.path.join(root, fn)
            if os.path.splitext(fn)[1].lower() not in IMAGE_EXT | {".pdf"}:
                continue
            try:
                text, conf = text_of(path, a.lang, cache)
            except Exception as e:  # unreadable file: keep a row so it isn't forgotten
                rows.append({"file": path, "confidence": 0, "notes": f"unreadable: {e}"})
                continue
            date = find_date(text, a.year)
            total = find_total(text)
            cur = CURRENCY_RE.search(text)
            score = conf * (1.0 if date else 0.6) * (1.0 if total else 0.6)
            rows.append({
                "file": path, "date": date.isoformat() if date else "", "vendor": find_vendor(text),
                "total": f"{total:.2f}" if total is not None else "",
                "currency": {"€": "EUR", "$": "USD", "£": "GBP"}.get(cur.group(1), cur.group(1)) if cur else "",
                "category": "", "confidence": f"{score:.2f}", "notes": "" if date else "date not in tax year?",
            })
    with open(os.path.join(out, "index.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        w.writeheader()
        w.writerows(rows)
    low = sum(1 for r in rows if float(r.get("confidence") or 0) < 0.7)
    print(f"{len(rows)} receipts indexed, {low} need review -> {out}/index.csv")


def thumb_data_uri(path):
    try:
        if path.lower().endswith(".pdf"):
            from pdf2image import convert_from_path
            img = convert_from_path(path, dpi=60, first_page=1, last_page=1)[0]
        else:
            img = Image.open(path)
        img.thumbnail((240, 320))
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=70)
        return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()
    except Exception:
        return ""


def build(a):
    d = a.binder
    with open(os.path.join(d, "index.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r.get("file")]
    totals = {}
    cards = []
    for r in rows:
        cat = r.get("category") or "Unsorted"
        os.makedirs(os.path.join(d, cat), exist_ok=True)
        ext = os.path.splitext(r["file"])[1].lower()
        vendor = re.sub(r"[^\w-]+", "-", r.get("vendor") or "unknown").strip("-")[:30]
        name = f"{r.get('date') or 'undated'}_{vendor}_{r.get('total') or 'x'}{ext}"
        dest = os.path.join(d, cat, name)
        n = 2
        while os.path.exists(dest):
            dest = os.path.join(d, cat, f"{os.path.splitext(name)[0]}_{n}{ext}")
            n += 1
        shutil.copy2(r["file"], dest)
        if r.get("total"):
            key = (cat, r.get("currency") or "")
            totals[key] = totals.get(key, 0.0) + float(r["total"])
        cards.append((cat, r, thumb_data_uri(r["file"])))

    with open(os.path.join(d, "index.csv"), "a", newline="") as f:
        w = csv.writer(f)
        w.writerow([])
        for (cat, cur), v in sorted(totals.items()):
            w.writerow([f"TOTAL {cat}", "", "", f"{v:.2f}", cur])

    parts = ["<!doctype html><meta charset=utf-8><title>Receipts</title>",
             "<style>body{font:14px system-ui}h2{margin-top:2em}.c{display:inline-block;width:260px;"
             "margin:6px;vertical-align:top;border:1px solid #ccc;padding:6px}img{max-width:240px}</style>"]
    for cat in sorted({c for c, _, _ in cards}):
        parts.append(f"<h2>{html.escape(cat)}</h2>")
        for c, r, uri in cards:
            if c != cat:
                continue
            img = f'<img src="{uri}" alt="">' if uri else "<em>no preview</em>"
            parts.append(f'<div class=c>{img}<br><b>{html.escape(r.get("vendor") or "?")}</b><br>'
                         f'{html.escape(r.get("date") or "")} · {html.escape(r.get("total") or "")} '
                         f'{html.escape(r.get("currency") or "")}<br><small>{html.escape(r.get("notes") or "")}</small></div>')
    with open(os.path.join(d, "contact-sheet.html"), "w") as f:
        f.write("\n".join(parts))
    clean(a)
    print(f"built {d}: {len(cards)} receipts in {len({c for c, _, _ in cards})} categories")


def clean(a):
    cache = os.path.join(a.binder, ".ocr-cache")
    if os.path.isdir(cache):
        shutil.rmtree(cache)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("src")
    e.add_argument("--year", type=int, required=True)
    e.add_argument("--lang", default="eng")
    e.add_argument("--out", required=True)
    b = sub.add_parser("build")
    b.add_argument("binder")
    c = sub.add_parser("clean")
    c.add_argument("binder")
    a = ap.parse_args()
    if a.cmd == "extract":
        os.makedirs(a.out, exist_ok=True)
        extract(a)
    elif a.cmd == "build":
        build(a)
    else:
        clean(a)


if __name__ == "__main__":
    main()
