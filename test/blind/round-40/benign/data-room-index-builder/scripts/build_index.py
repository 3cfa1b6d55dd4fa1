#!/usr/bin/env python3
"""Scan a data-room folder into a numbered index, flag risky files, and report gaps."""
import argparse
import csv
import difflib
import hashlib
import re
import sys
import zipfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path

DRAFT_RX = re.compile(r"(?i)(draft|\bv\d+\b|\bold\b|copy|final[-_ ]?final|\bwip\b)")
PERSONAL_RX = re.compile(r"(?i)(payroll|passport|id[-_ ]?scan|salary|hr[-_ ]file|ssn|national[-_ ]id|medical)")
TEMP = {".ds_store", "thumbs.db", "desktop.ini"}


def sha256(p):
    h = hashlib.sha256()
    with p.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def office_flags(p):
    flags = []
    try:
        with zipfile.ZipFile(p) as z:
            names = z.namelist()
            body = "".join(z.read(n).decode("utf-8", "ignore") for n in names
                           if n in ("word/document.xml",) or n.startswith("xl/workbook.xml"))
    except zipfile.BadZipFile:
        return ["password"]  # encrypted OOXML is an OLE container, not a zip
    if any("comments" in n for n in names) or "<w:ins " in body or "<w:del " in body:
        flags.append("office-metadata")
    if 'state="hidden"' in body or 'state="veryHidden"' in body:
        flags.append("hidden-content")
    return flags


def pdf_info(p):
    try:
        from pypdf import PdfReader
        r = PdfReader(str(p))
        if r.is_encrypted:
            return None, ["password"]
        flags = []
        if any("/Annots" in pg for pg in r.pages):
            flags.append("hidden-content")
        if "/EmbeddedFiles" in str(r.trailer["/Root"].get("/Names", {})):
            flags.append("hidden-content")
        return len(r.pages), flags
    except Exception:
        return None, ["unreadable"]


def number_tree(root):
    numbers, counters = {}, defaultdict(int)
    for p in sorted(root.rglob("*"), key=lambda x: [s.lower() for s in x.relative_to(root).parts]):
        parent = numbers.get(p.parent, "")
        counters[p.parent] += 1
        numbers[p] = f"{parent}.{counters[p.parent]}" if parent else str(counters[p.parent])
    return numbers


def scan(a):
    root = Path(a.folder)
    numbers = number_tree(root)
    rows, by_hash = [], defaultdict(list)
    for p, num in numbers.items():
        if p.is_dir():
            rows.append({"number": num, "title": p.name, "path": str(p.relative_to(root)) + "/", "type": "folder"})
            continue
        flags = []
        if p.name.lower() in TEMP or p.name.startswith("~$"):
            flags.append("temp")
        if DRAFT_RX.search(p.stem):
            flags.append("draft")
        if PERSONAL_RX.search(str(p.relative_to(root))):
            flags.append("personal-data")
        pages = None
        ext = p.suffix.lower()
        if ext in (".docx", ".xlsx", ".pptx"):
            flags += office_flags(p)
        elif ext == ".pdf":
            pages, f = pdf_info(p)
            flags += f
        digest = sha256(p)
        by_hash[digest].append(num)
        title = re.sub(r"[_-]+", " ", p.stem).strip()
        rows.append({"number": num, "title": title, "path": str(p.relative_to(root)), "type": ext.lstrip("."),
                     "size_kb": round(p.stat().st_size / 1024), "pages": pages,
                     "modified": datetime.fromtimestamp(p.stat().st_mtime).date().isoformat(),
                     "sha256": digest, "flags": flags})
    for r in rows:
        if r.get("sha256") and len(by_hash[r["sha256"]]) > 1:
            r["flags"].append("duplicate of " + ",".join(n for n in by_hash[r["sha256"]] if n != r["number"]))
        if "flags" in r:
            r["flags"] = "; ".join(r["flags"])

    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Index"
    cols = ["number", "title", "type", "pages", "size_kb", "modified", "flags", "path", "sha256"]
    ws.append(cols)
    for r in rows:
        ws.append([r.get(c) for c in cols])
        if r["type"] != "folder":
            ws.cell(ws.max_row, 2).hyperlink = r["path"]
    ws.freeze_panes = "A2"
    wb.save(a.out)
    flagged = [r for r in rows if r.get("flags")]
    print(f"{len(rows)} entries, {len(flagged)} flagged -> {a.out}")
    for r in flagged[:40]:
        print(f"  {r['number']:10s} {r['path']}: {r['flags']}")


def gaps(a):
    from openpyxl import load_workbook
    idx = [dict(zip([c.value for c in ws[1]], [c.value for c in row]))
           for ws in [load_workbook(a.index).active] for row in ws.iter_rows(min_row=2)]
    req_ws = load_workbook(a.requests).active
    requests = [(str(r[0]), str(r[1])) for r in req_ws.iter_rows(min_row=2, values_only=True) if r[0] and r[1]]
    titles = {e["number"]: (e["title"] or "").lower() for e in idx if e.get("type") != "folder"}
    used = set()
    for num, text in requests:
        exact = [n for n in titles if n == num or n.startswith(num + ".")]
        best = difflib.get_close_matches(text.lower(), list(titles.values()), n=1, cutoff=0.5)
        if exact:
            used.update(exact)
            print(f"OK    {num} {text} -> {', '.join(exact)}")
        elif best:
            n = next(k for k, v in titles.items() if v == best[0])
            used.add(n)
            print(f"CHECK {num} {text} ~ {n} {best[0]}")
        else:
            print(f"GAP   {num} {text}")
    for n in sorted(set(titles) - used):
        print(f"UNMAPPED {n} {titles[n]}")


def apply_renames(a):
    root = Path(a.folder)
    plan = list(csv.DictReader(open(a.plan, newline="", encoding="utf-8")))
    for row in plan:
        src, dst = root / row["from"], root / row["to"]
        if not src.exists() or dst.exists():
            print(f"skip {row['from']} -> {row['to']}", file=sys.stderr)
            continue
        if not a.yes:
            print(f"would rename {row['from']} -> {row['to']}")
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        src.rename(dst)
        print(f"renamed {row['from']} -> {row['to']}")
    if not a.yes:
        print("dry run; re-run with --yes to apply")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("folder"); s.add_argument("--out", default="index.xlsx")
    g = sub.add_parser("gaps"); g.add_argument("index"); g.add_argument("--requests", required=True)
    r = sub.add_parser("apply-renames"); r.add_argument("folder"); r.add_argument("--plan", required=True)
    r.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    {"scan": scan, "gaps": gaps, "apply-renames": apply_renames}[a.cmd](a)


if __name__ == "__main__":
    main()
