#!/usr/bin/env python3
"""Find text in documents that a human reader would not see, and instruction-like phrases.

Reads files only. Does not execute macros, follow links, or render content.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import zipfile
import zlib
from pathlib import Path

PHRASES = [
    r"ignore (all |any )?(previous|prior|above) (instructions|directions|prompts)",
    r"disregard (the|your) (previous|system|earlier)",
    r"\byou are now\b",
    r"\bas an? (ai|language model|assistant)\b",
    r"\b(note|message|instructions?) (to|for) (the )?(ai|llm|assistant|model|screening tool)",
    r"\bsystem prompt\b",
    r"\bdo not (mention|reveal|tell|disclose)\b",
    r"\b(recommend|rate|score|rank) (this|the) (candidate|applicant|vendor|supplier)\b",
    r"\b(send|email|forward|upload|post) (this|the|all|any) [^.]{0,40}\b(to|at) \S+@?\S*",
    r"\bnew instructions?\b",
    r"<\s*/?\s*(system|assistant|im_start|instructions?)\s*>",
    r"\[\s*(system|admin|developer)\s*(message|note)?\s*\]",
]
PHRASE_RE = re.compile("|".join(PHRASES), re.I)
B64_RE = re.compile(r"[A-Za-z0-9+/]{120,}={0,2}")
INVISIBLE_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_whiteish(hex_colour: str | None) -> bool:
    if not hex_colour or len(hex_colour) != 6:
        return False
    try:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return min(r, g, b) >= 0xF0


def content_flags(text: str) -> list[str]:
    flags = []
    if PHRASE_RE.search(text):
        flags.append("instruction-phrase")
    if B64_RE.search(text):
        flags.append("encoded-block")
    if INVISIBLE_CHARS.search(text):
        flags.append("invisible-chars")
    return flags


def finding(path, where, concealment, text, method):
    flags = content_flags(text)
    if concealment and "instruction-phrase" in flags:
        score = "high"
    elif concealment or "instruction-phrase" in flags:
        score = "medium"
    elif flags:
        score = "low"
    else:
        return None
    return {
        "file": str(path), "where": where, "concealment": concealment,
        "content": flags, "score": score, "method": method,
        "text": INVISIBLE_CHARS.sub("\u2423", text.strip())[:400],
    }


# ---------- OOXML ----------

def scan_docx_like(path: Path, zf: zipfile.ZipFile, visible_out: list[str] | None):
    import xml.etree.ElementTree as ET
    results = []
    parts = [n for n in zf.namelist() if n.endswith(".xml") and (
        n.startswith("word/") or n.startswith("ppt/slides/") or n.startswith("ppt/notesSlides/")
        or n.startswith("docProps/"))]
    for name in parts:
        try:
            root = ET.fromstring(zf.read(name))
        except ET.ParseError:
            continue
        kind = "comment" if "comments" in name else "footnote" if "footnotes" in name else \
            "notes" if "notesSlides" in name else "properties" if name.startswith("docProps/") else "body"
        # paragraph-level walk for Word
        for i, para in enumerate(root.iter(f"{W}p")):
            runs_text, hidden_bits = [], []
            for run in para.iter(f"{W}r"):
                t = "".join(x.text or "" for x in run.iter(f"{W}t"))
                if not t:
                    continue
                rpr = run.find(f"{W}rPr")
                why = []
                if rpr is not None:
                    if rpr.find(f"{W}vanish") is not None:
                        why.append("vanish")
                    col = rpr.find(f"{W}color")
                    if col is not None and is_whiteish(col.get(f"{W}val")):
                        why.append("white-text")
                    sz = rpr.find(f"{W}sz")
                    if sz is not None and sz.get(f"{W}val", "99").isdigit() and int(sz.get(f"{W}val")) <= 4:
                        why.append("tiny-font")
                if why:
                    hidden_bits.append((why, t))
                else:
                    runs_text.append(t)
            if hidden_bits:
                reasons = sorted({w for why, _ in hidden_bits for w in why})
                f = finding(path, f"{name} paragraph {i}", reasons, " ".join(t for _, t in hidden_bits), "ooxml")
                if f:
                    results.append(f)
            visible = "".join(runs_text)
            if kind != "body" and visible.strip():
                f = finding(path, f"{name} paragraph {i}", [kind], visible, "ooxml")
                if f:
                    results.append(f)
            elif visible.strip():
                f = finding(path, f"{name} paragraph {i}", [], visible, "ooxml")
                if f:
                    results.append(f)
                if visible_out is not None:
                    visible_out.append(visible)
        # alt text and pptx text runs
        raw = zf.read(name).decode("utf-8", "replace")
        for m in re.finditer(r'descr="([^"]{20,})"', raw):
            f = finding(path, f"{name} alt-text", ["alt-text"], m.group(1), "ooxml")
            if f:
                results.append(f)
        if name.startswith("ppt/"):
            for m in re.finditer(r"<a:t>([^<]{3,})</a:t>", raw):
                f = finding(path, name, ["speaker-notes"] if "notes" in name else [], m.group(1), "ooxml")
                if f:
                    results.append(f)
    return results


def scan_xlsx(path: Path, zf: zipfile.ZipFile):
    results = []
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace") if "xl/workbook.xml" in zf.namelist() else ""
    for m in re.finditer(r'<sheet [^>]*name="([^"]+)"[^>]*state="(hidden|veryHidden)"', wb):
        results.append({"file": str(path), "where": f"sheet '{m.group(1)}'", "concealment": [m.group(2)],
                        "content": [], "score": "medium", "method": "ooxml", "text": "(sheet hidden; inspect its cells)"})
    for m in re.finditer(r'<definedName [^>]*name="([^"]+)"[^>]*>([^<]{60,})</definedName>', wb):
        f = finding(path, f"defined name {m.group(1)}", ["defined-name"], m.group(2), "ooxml")
        if f:
            results.append(f)
    shared = []
    if "xl/sharedStrings.xml" in zf.namelist():
        ss = zf.read("xl/sharedStrings.xml").decode("utf-8", "replace")
        shared = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", ss, re.S)]
        for idx, s in enumerate(shared):
            f = finding(path, f"sharedStrings[{idx}]", [], s, "ooxml")
            if f:
                results.append(f)
    for name in zf.namelist():
        if name.startswith("xl/comments") or name.startswith("xl/threadedComments"):
            raw = zf.read(name).decode("utf-8", "replace")
            for t in re.findall(r"<t[^>]*>([^<]+)</t>", raw):
                f = finding(path, name, ["cell-comment"], t, "ooxml")
                if f:
                    results.append(f)
        if name.startswith("xl/worksheets/sheet"):
            raw = zf.read(name).decode("utf-8", "replace")
            hidden_rows = re.findall(r'<row [^>]*r="(\d+)"[^>]*hidden="1"', raw)
            if hidden_rows:
                results.append({"file": str(path), "where": f"{name} rows {','.join(hidden_rows[:10])}",
                                "concealment": ["hidden-rows"], "content": [], "score": "low",
                                "method": "ooxml", "text": "(rows hidden; inspect)"})
    return results


# ---------- PDF ----------

def scan_pdf(path: Path):
    try:
        from pypdf import PdfReader  # type: ignore
    except ImportError:
        return scan_pdf_raw(path)
    results = []
    reader = PdfReader(str(path))
    for pno, page in enumerate(reader.pages, 1):
        state = {"mode": 0, "white": False}
        chunks: list[tuple[list[str], str]] = []

        def visitor_op(op, args, cm, tm):
            if op == b"Tr" and args:
                state["mode"] = int(args[0])
            if op in (b"rg", b"g") and args:
                vals = [float(a) for a in args]
                state["white"] = min(vals) >= 0.95

        def visitor_text(text, cm, tm, font, size):
            if not text.strip():
                return
            why = []
            if state["mode"] == 3:
                why.append("render-mode-3")
            if state["white"]:
                why.append("white-fill")
            if size and abs(size * tm[0]) < 2:
                why.append("tiny-font")
            chunks.append((why, text))

        try:
            page.extract_text(visitor_operand_before=visitor_op, visitor_text=visitor_text)
        except Exception as exc:  # malformed page
            results.append({"file": str(path), "where": f"page {pno}", "concealment": [], "content": [],
                            "score": "low", "method": "pypdf", "text": f"(extract failed: {exc})"})
            continue
        hidden = " ".join(t for w, t in chunks if w)
        if hidden.strip():
            reasons = sorted({x for w, _ in chunks for x in w})
            f = finding(path, f"page {pno}", reasons, hidden, "pypdf")
            if f:
                results.append(f)
        visible = " ".join(t for w, t in chunks if not w)
        f = finding(path, f"page {pno}", [], visible, "pypdf")
        if f:
            results.append(f)
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            contents = obj.get("/Contents")
            if contents:
                f = finding(path, f"page {pno} annotation", ["annotation"], str(contents), "pypdf")
                if f:
                    results.append(f)
    return results


def scan_pdf_raw(path: Path):
    data = path.read_bytes()
    results = []
    for n, m in enumerate(re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)):
        blob = m.group(1)
        try:
            blob = zlib.decompress(blob)
        except zlib.error:
            pass
        text = blob.decode("latin-1", "replace")
        reasons = []
        if re.search(r"\b3\s+Tr\b", text):
            reasons.append("render-mode-3")
        if re.search(r"\b1\s+1\s+1\s+rg\b|\b1\s+g\b", text):
            reasons.append("white-fill")
        pieces = re.findall(r"\(([^)]{2,})\)\s*Tj|\[([^\]]+)\]\s*TJ", text)
        strings = " ".join(a or b for a, b in pieces)
        if strings:
            f = finding(path, f"stream {n}", reasons, strings, "pdf-raw")
            if f:
                results.append(f)
    return results


# ---------- text-ish ----------

def scan_textish(path: Path):
    results = []
    text = path.read_text("utf-8", errors="replace")
    if path.suffix.lower() == ".csv":
        for rno, row in enumerate(csv.reader(io.StringIO(text)), 1):
            for cno, cell in enumerate(row):
                conceal = ["long-cell"] if len(cell) > 500 else []
                f = finding(path, f"row {rno} col {cno}", conceal, cell, "csv")
                if f:
                    results.append(f)
    elif path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError:
            doc = None

        def walk(node, trail):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, trail + [str(k)])
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, trail + [str(i)])
            elif isinstance(node, str):
                key = trail[-1].lower() if trail else ""
                conceal = ["suspicious-key"] if key in {"_note", "instructions", "system", "prompt", "_comment"} else []
                f = finding(path, "/".join(trail), conceal, node, "json")
                if f:
                    results.append(f)
        if doc is not None:
            walk(doc, [])
    else:
        for lno, line in enumerate(text.splitlines(), 1):
            f = finding(path, f"line {lno}", [], line, "text")
            if f:
                results.append(f)
    return results


def scan(path: Path, visible_out=None):
    ext = path.suffix.lower()
    try:
        if ext in (".docx", ".pptx", ".docm", ".pptm"):
            with zipfile.ZipFile(path) as zf:
                return scan_docx_like(path, zf, visible_out)
        if ext in (".xlsx", ".xlsm"):
            with zipfile.ZipFile(path) as zf:
                return scan_xlsx(path, zf)
        if ext == ".pdf":
            return scan_pdf(path)
        if ext in (".csv", ".json", ".txt", ".md", ".tsv"):
            return scan_textish(path)
    except zipfile.BadZipFile:
        return [{"file": str(path), "where": "-", "concealment": [], "content": [], "score": "low",
                 "method": "error", "text": "not a valid OOXML zip (old binary format?)"}]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--recursive", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--strip-out", help="write visible paragraphs (docx/pptx only) to this file")
    args = ap.parse_args()

    files = []
    for p in map(Path, args.paths):
        if p.is_dir():
            it = p.rglob("*") if args.recursive else p.glob("*")
            files += [x for x in it if x.is_file()]
        else:
            files.append(p)

    visible: list[str] | None = [] if args.strip_out else None
    results = []
    for f in files:
        results += scan(f, visible)

    order = {"high": 0, "medium": 1, "low": 2}
    results.sort(key=lambda r: (order[r["score"]], r["file"]))
    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        if not results:
            print(f"clean: {len(files)} file(s), no hidden or instruction-like text found")
        for r in results:
            print(f"{r['score'].upper():6} {r['file']} :: {r['where']} [{','.join(r['concealment'] + r['content'])}]")
            print(f"       \"{r['text']}\"")
    if args.strip_out and visible is not None:
        Path(args.strip_out).write_text("\n".join(visible), encoding="utf-8")
    sys.exit(1 if any(r["score"] == "high" for r in results) else 0)


if __name__ == "__main__":
    main()
