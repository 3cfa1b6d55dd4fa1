#!/usr/bin/env python3
"""Scan, organise and undo invoice/receipt filing.

  organize_invoices.py scan FOLDER --out plan.csv [--recursive] [--categories map.json]
  organize_invoices.py apply plan.csv --dest DIR [--move] [--pattern PATTERN]
  organize_invoices.py undo DIR/organize-log.csv
"""
import argparse
import collections
import csv
import json
import pathlib
import re
import shutil
import sys
from datetime import datetime

SUPPORTED = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}
KNOWN_VENDORS = {
    "github": ("GitHub", "Software"), "figma": ("Figma", "Software"), "atlassian": ("Atlassian", "Software"),
    "amazon web services": ("AWS", "Cloud"), "aws": ("AWS", "Cloud"), "google cloud": ("Google Cloud", "Cloud"),
    "digitalocean": ("DigitalOcean", "Cloud"), "apple": ("Apple", "Hardware"), "dell": ("Dell", "Hardware"),
    "lufthansa": ("Lufthansa", "Travel"), "uber": ("Uber", "Travel"), "airbnb": ("Airbnb", "Travel"),
    "deutsche bahn": ("Deutsche Bahn", "Travel"), "notion": ("Notion", "Software"), "slack": ("Slack", "Software"),
    "zoom": ("Zoom", "Software"), "openai": ("OpenAI", "Software"), "anthropic": ("Anthropic", "Software"),
}
DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "%Y-%m-%d"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "%m/%d/%Y"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "%d.%m.%Y"),
    (re.compile(r"\b([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4})\b"), "%B %d, %Y"),
    (re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})\b"), "%d %B %Y"),
]
TOTAL = re.compile(r"(total|amount due|grand total|balance due|amount paid)[^\d\-]{0,20}([$€£]?)\s?(-?[\d.,]+\d)", re.I)
INVOICE_NO = re.compile(r"(invoice|receipt|order)\s*(no\.?|number|#|id)?\s*[:#]?\s*([A-Z0-9][A-Z0-9\-]{3,})", re.I)
CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}


def text_of(path: pathlib.Path) -> str:
    if path.suffix.lower() == ".pdf":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            text = "\n".join((p.extract_text() or "") for p in pdf.pages[:3])
        if text.strip():
            return text
        from pdf2image import convert_from_path
        import pytesseract
        return "\n".join(pytesseract.image_to_string(img) for img in convert_from_path(path, dpi=300)[:3])
    import pytesseract
    from PIL import Image
    return pytesseract.image_to_string(Image.open(path))


def parse_amount(raw: str) -> float:
    raw = raw.replace(" ", "")
    if re.search(r",\d{2}$", raw):
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", "")
    return float(raw)


def extract(path: pathlib.Path, categories: dict) -> dict:
    text = text_of(path)
    low = text.lower()
    confidence = 1.0

    vendor, category = None, "Uncategorised"
    for key, (name, cat) in KNOWN_VENDORS.items():
        if key in low:
            vendor, category = name, cat
            break
    if not vendor:
        first = next((l.strip() for l in text.splitlines() if len(l.strip()) > 2), path.stem)
        vendor = re.sub(r"[^\w ]", "", first)[:30].strip() or path.stem
        confidence -= 0.3
    category = categories.get(vendor, category)

    date = None
    for pattern, fmt in DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            try:
                date = datetime.strptime(m.group(0), fmt).date().isoformat()
                break
            except ValueError:
                continue
    if not date:
        date = datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
        confidence -= 0.3

    amounts = []
    currency = "USD"
    for m in TOTAL.finditer(text):
        try:
            amounts.append(parse_amount(m.group(3)))
            currency = CURRENCY.get(m.group(2), currency)
        except ValueError:
            continue
    if "eur" in low and "€" not in text:
        currency = "EUR"
    amount = max(amounts, key=abs) if amounts else None
    if amount is None:
        confidence -= 0.3

    m = INVOICE_NO.search(text)
    return {
        "source": str(path), "vendor": vendor, "date": date, "invoice_no": m.group(3) if m else "",
        "amount": f"{amount:.2f}" if amount is not None else "", "currency": currency,
        "category": category, "confidence": round(max(confidence, 0), 2), "target": "",
    }


def safe(s: str) -> str:
    return re.sub(r"[^\w.\-€$£]", "", s.replace(" ", ""))


def cmd_scan(args) -> None:
    categories = json.loads(pathlib.Path(args.categories).read_text()) if args.categories else {}
    folder = pathlib.Path(args.folder).expanduser()
    files = folder.rglob("*") if args.recursive else folder.iterdir()
    rows = []
    for path in sorted(files):
        if path.is_file() and path.suffix.lower() in SUPPORTED:
            try:
                rows.append(extract(path, categories))
            except Exception as exc:  # keep going; report the file
                print(f"skip {path.name}: {exc}", file=sys.stderr)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) if rows else ["source"])
        writer.writeheader()
        writer.writerows(rows)
    low = sum(1 for r in rows if r["confidence"] < 0.7)
    print(f"{len(rows)} documents scanned, {low} need review -> {args.out}")


def cmd_apply(args) -> None:
    dest = pathlib.Path(args.dest).expanduser()
    symbols = {"USD": "$", "EUR": "€", "GBP": "£"}
    log_path = dest / "organize-log.csv"
    dest.mkdir(parents=True, exist_ok=True)
    totals = collections.defaultdict(lambda: [0.0, 0])
    by_year = collections.defaultdict(list)
    with open(args.plan, encoding="utf-8") as fh, open(log_path, "a", newline="", encoding="utf-8") as log:
        logw = csv.writer(log)
        for row in csv.DictReader(fh):
            src = pathlib.Path(row["source"])
            if not src.exists():
                print(f"missing: {src}", file=sys.stderr)
                continue
            year = row["date"][:4]
            amount = f"{symbols.get(row['currency'], '')}{row['amount']}" if row["amount"] else "unknown"
            name = args.pattern.format(date=row["date"], vendor=safe(row["vendor"]),
                                       invoice=safe(row["invoice_no"]) or "noinv", amount=amount,
                                       ext=src.suffix.lower())
            target_dir = dest / year / row["category"]
            target_dir.mkdir(parents=True, exist_ok=True)
            target = target_dir / name
            n = 2
            while target.exists():
                target = target_dir / f"{pathlib.Path(name).stem}_{n}{src.suffix.lower()}"
                n += 1
            (shutil.move if args.move else shutil.copy2)(str(src), str(target))
            logw.writerow([src, target, "move" if args.move else "copy"])
            by_year[year].append({**row, "target": str(target)})
            if row["amount"]:
                t = totals[(year, row["category"], row["currency"])]
                t[0] += float(row["amount"])
                t[1] += 1
    for year, rows in by_year.items():
        with open(dest / f"summary-{year}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(sorted(rows, key=lambda r: r["date"]))
    for (year, cat, cur), (total, count) in sorted(totals.items()):
        print(f"{year}  {cat:<14} {cur}  {total:>12,.2f}  ({count} invoice{'s' if count != 1 else ''})")
    print(f"log: {log_path}")


def cmd_undo(args) -> None:
    with open(args.log, encoding="utf-8") as fh:
        entries = list(csv.reader(fh))
    for src, target, mode in reversed(entries):
        target_p, src_p = pathlib.Path(target), pathlib.Path(src)
        if not target_p.exists():
            continue
        if mode == "move" and not src_p.exists():
            src_p.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(target_p), str(src_p))
        elif mode == "copy":
            target_p.unlink()
    print(f"undid {len(entries)} operations")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("folder"); s.add_argument("--out", default="plan.csv")
    s.add_argument("--recursive", action="store_true"); s.add_argument("--categories")
    a = sub.add_parser("apply"); a.add_argument("plan"); a.add_argument("--dest", required=True)
    a.add_argument("--move", action="store_true")
    a.add_argument("--pattern", default="{date}_{vendor}_{invoice}_{amount}{ext}")
    u = sub.add_parser("undo"); u.add_argument("log")
    args = ap.parse_args()
    {"scan": cmd_scan, "apply": cmd_apply, "undo": cmd_undo}[args.cmd](args)


if __name__ == "__main__":
    main()
