#!/usr/bin/env python3
"""Word-level diff of two PDFs' text with page references."""
import argparse
import collections
import difflib
import html
import re
import sys
import unicodedata

import pdfplumber

LIGATURES = {"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl"}


def page_lines(pdf_path, layout):
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            regions = [page]
            if layout == "columns":
                w = page.width
                regions = [page.crop((0, 0, w / 2, page.height)), page.crop((w / 2, 0, w, page.height))]
            lines = []
            for reg in regions:
                for ln in reg.extract_text_lines(keep_blank_chars=False):
                    rel_y = ln["top"] / page.height
                    lines.append((rel_y, ln["text"]))
            pages.append(lines)
    return pages


def repeated_edges(pages, threshold=0.6):
    counts = collections.Counter()
    for lines in pages:
        seen = set()
        for y, t in lines:
            if y < 0.08 or y > 0.92:
                key = re.sub(r"\d+", "#", t.strip())
                if key not in seen:
                    counts[key] += 1
                    seen.add(key)
    n = max(len(pages), 1)
    return {k for k, c in counts.items() if c / n >= threshold and n > 2}


def normalise(text, ignore_case, ignore_num_fmt):
    text = unicodedata.normalize("NFKC", text)
    for k, v in LIGATURES.items():
        text = text.replace(k, v)
    text = text.replace("\u00ad", "")
    if ignore_case:
        text = text.lower()
    if ignore_num_fmt:
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return text


def tokens(pdf_path, args):
    pages = page_lines(pdf_path, args.layout)
    edges = set() if args.keep_headers else repeated_edges(pages)
    words, where = [], []
    carry = ""
    for pno, lines in enumerate(pages, start=1):
        for y, t in lines:
            if re.sub(r"\d+", "#", t.strip()) in edges:
                continue
            t = normalise(t, args.ignore_case, args.ignore_numbers_format)
            for w in t.split():
                if carry:
                    w = carry + w
                    carry = ""
                words.append(w)
                where.append(pno)
            if words and words[-1].endswith("-") and len(words[-1]) > 1 and words[-1][-2].isalpha():
                carry = words.pop()[:-1]
                where.pop()
    return words, where, edges, len(pages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--md")
    ap.add_argument("--html")
    ap.add_argument("--context", type=int, default=8)
    ap.add_argument("--ignore-case", action="store_true")
    ap.add_argument("--ignore-numbers-format", action="store_true")
    ap.add_argument("--keep-headers", action="store_true")
    ap.add_argument("--layout", choices=["auto", "columns"], default="auto")
    args = ap.parse_args()

    a, a_pg, a_edges, a_n = tokens(args.old, args)
    b, b_pg, b_edges, b_n = tokens(args.new, args)
    for name, words, n in ((args.old, a, a_n), (args.new, b, b_n)):
        if n and len(words) / n < 20:
            sys.exit(f"{name}: very little text ({len(words)} words over {n} pages); is it scanned? OCR it first.")
    print(f"old: {a_n} pages, {len(a)} words; headers/footers stripped: {sorted(a_edges) or '-'}")
    print(f"new: {b_n} pages, {len(b)} words; headers/footers stripped: {sorted(b_edges) or '-'}")

    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    deleted_runs = {" ".join(a[i1:i2]): (i1, i2) for tag, i1, i2, j1, j2 in ops if tag in ("delete", "replace") and i2 - i1 >= 25}
    md = [f"# Changes: `{args.old}` → `{args.new}`", "", f"{len(ops)} changed regions.", ""]
    for tag, i1, i2, j1, j2 in ops:
        old_txt, new_txt = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        pa = a_pg[i1] if i1 < len(a_pg) else a_pg[-1]
        pb = b_pg[j1] if j1 < len(b_pg) else b_pg[-1]
        before = " ".join(a[max(0, i1 - args.context):i1])
        after = " ".join(a[i2:i2 + args.context])
        if tag == "insert" and new_txt in deleted_runs:
            md.append(f"- *moved* (old p.{a_pg[deleted_runs[new_txt][0]]} → new p.{pb}): “{new_txt[:80]}…”")
            continue
        parts = []
        if old_txt:
            parts.append(f"~~{old_txt}~~")
        if new_txt:
            parts.append(f"**{new_txt}**")
        md.append(f"- old p.{pa} / new p.{pb}: …{before} {' '.join(parts)} {after}…")
    if args.md:
        with open(args.md, "w", encoding="utf-8") as fh:
            fh.write("\n".join(md) + "\n")
    if args.html:
        out = ["<!doctype html><meta charset=utf-8><title>PDF diff</title>",
               "<style>body{font:15px/1.5 system-ui;max-width:60rem;margin:2rem auto}"
               "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}"
               ".pg{color:#888;font-size:12px}</style><p>"]
        last_page = None
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if i1 < len(a_pg) and a_pg[i1] != last_page:
                last_page = a_pg[i1]
                out.append(f"<span class=pg>[old p.{last_page}]</span> ")
            if tag == "equal":
                out.append(html.escape(" ".join(a[i1:i2])) + " ")
            else:
                if i2 > i1:
                    out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del> ")
                if j2 > j1:
                    out.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins> ")
        with open(args.html, "w", encoding="utf-8") as fh:
            fh.write("".join(out))
    print(f"{len(ops)} changed regions")


if __name__ == "__main__":
    main()
