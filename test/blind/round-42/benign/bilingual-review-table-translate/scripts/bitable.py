#!/usr/bin/env python3
"""Bilingual review tables with Azure AI Translator, and assembly of the reviewed text."""
from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

try:
    import docx
    from docx.shared import Pt
except ImportError:
    sys.exit("error: pip install python-docx")

ENDPOINT = "https://api.cognitive.microsofttranslator.com/translate"
BATCH_SEGMENTS, BATCH_CHARS = 100, 40_000


def read_segments(path: Path) -> list[dict]:
    segs: list[dict] = []
    if path.suffix.lower() == ".docx":
        d = docx.Document(str(path))
        for p in d.paragraphs:
            if p.text.strip():
                style = p.style.name if p.style is not None else ""
                segs.append({"text": p.text.strip(), "heading": style.lower().startswith(("heading", "title")),
                             "style": style})
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    if cell.text.strip():
                        segs.append({"text": cell.text.strip(), "heading": False, "style": "Normal"})
    else:
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            for line in block.splitlines() if re.match(r"^\s*([-*]|\d+\.)\s", block) else [block]:
                text = line.strip()
                if not text:
                    continue
                level = len(re.match(r"^(#*)", text).group(1))
                segs.append({"text": text.lstrip("#").strip() if level else " ".join(text.split()),
                             "heading": bool(level), "style": f"Heading {level}" if level else "Normal"})
    return segs


def load_glossary(path: Path | None) -> list[tuple[str, str]]:
    if not path:
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [(r[0].strip(), r[1].strip()) for r in csv.reader(fh) if len(r) >= 2 and r[0].strip()]
    if rows and rows[0][0].lower() == "source":
        rows = rows[1:]
    return sorted(rows, key=lambda r: -len(r[0]))


def apply_glossary(text: str, glossary: list[tuple[str, str]]) -> tuple[str, bool]:
    used = False
    escaped = html.escape(text, quote=False)
    for src, tgt in glossary:
        rx = re.compile(rf"(?<![\w>]){re.escape(html.escape(src, quote=False))}(?![\w<])")
        new = rx.sub(lambda m: f'<mstrans:dictionary translation="{html.escape(tgt)}">{m.group(0)}</mstrans:dictionary>',
                     escaped)
        used |= new != escaped
        escaped = new
    return escaped, used


def translate(texts: list[str], src: str | None, tgt: str, html_mode: bool) -> list[str]:
    key = os.environ.get("AZURE_TRANSLATOR_KEY")
    if not key:
        sys.exit("error: set AZURE_TRANSLATOR_KEY")
    params = {"api-version": "3.0", "to": tgt, "textType": "html" if html_mode else "plain"}
    if src:
        params["from"] = src
    headers = {"Ocp-Apim-Subscription-Key": key, "Content-Type": "application/json; charset=UTF-8"}
    if os.environ.get("AZURE_TRANSLATOR_REGION"):
        headers["Ocp-Apim-Subscription-Region"] = os.environ["AZURE_TRANSLATOR_REGION"]
    body = json.dumps([{"Text": t} for t in texts]).encode()
    for attempt in range(5):
        req = urllib.request.Request(f"{ENDPOINT}?{urllib.parse.urlencode(params)}", body, headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return [r["translations"][0]["text"] for r in json.load(resp)]
        except urllib.error.HTTPError as err:
            if err.code == 429 and attempt < 4:
                time.sleep(int(err.headers.get("Retry-After", "2")))
                continue
            sys.exit(f"error: Translator -> {err.code} {err.read()[:300]!r}")
    return []


def batches(items: list[str]):
    cur, size = [], 0
    for i, t in enumerate(items):
        if cur and (len(cur) >= BATCH_SEGMENTS or size + len(t) > BATCH_CHARS):
            yield cur
            cur, size = [], 0
        cur.append(i)
        size += len(t)
    if cur:
        yield cur


def build_review(segs: list[dict], out: Path, src: str | None, tgt: str, glossary, dry_run: bool) -> None:
    prepared = [apply_glossary(s["text"], glossary) if glossary else (s["text"], False) for s in segs]
    chars = sum(len(s["text"]) for s in segs)
    print(f"{len(segs)} segments, {chars:,} characters to translate")
    if dry_run:
        return
    results = [""] * len(segs)
    for idx in batches([p[0] for p in prepared]):
        out_texts = translate([prepared[i][0] for i in idx], src, tgt, html_mode=bool(glossary))
        for i, t in zip(idx, out_texts):
            results[i] = html.unescape(t) if glossary else t
    doc = docx.Document()
    doc.add_heading(f"Bilingual review: {out.stem}", level=1)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    hdr = table.rows[0].cells
    for c, label in zip(hdr, ["#", src or "source", tgt, "Reviewer"]):
        c.text = label
        c.paragraphs[0].runs[0].bold = True
    for n, (s, (_, used), mt) in enumerate(zip(segs, prepared, results), 1):
        row = table.add_row().cells
        row[0].text = f"{n}{' G' if used else ''}|{s['style']}"
        row[1].text, row[2].text = s["text"], mt
        for c in row[1:3]:
            for r in c.paragraphs[0].runs:
                r.bold = s["heading"]
                r.font.size = Pt(10)
    doc.save(str(out))
    print(f"wrote {out}")


def assemble(review: Path) -> None:
    d = docx.Document(str(review))
    table = d.tables[0]
    out = docx.Document()
    changed = 0
    for row in table.rows[1:]:
        num, _src, mt, rev = (c.text for c in row.cells)
        style = num.split("|", 1)[1] if "|" in num else "Normal"
        text = rev.strip() or mt
        changed += bool(rev.strip())
        try:
            out.add_paragraph(text, style=style)
        except KeyError:
            out.add_paragraph(text)
    target = review.with_name(review.name.replace(".review.docx", ".docx"))
    out.save(str(target))
    print(f"wrote {target}; reviewer changed {changed} of {len(table.rows) - 1} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input", type=Path)
    ap.add_argument("--from", dest="src")
    ap.add_argument("--to", dest="tgt")
    ap.add_argument("--glossary", type=Path)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--assemble", action="store_true")
    a = ap.parse_args()
    if a.assemble:
        assemble(a.input)
        return
    if not a.tgt:
        ap.error("--to is required")
    segs = read_segments(a.input)
    out = a.input.with_name(f"{a.input.stem}.{a.tgt}.review.docx")
    build_review(segs, out, a.src, a.tgt, load_glossary(a.glossary), a.dry_run)


if __name__ == "__main__":
    main()
