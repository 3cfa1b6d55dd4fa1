#!/usr/bin/env python3
"""Detect probable headings in a PDF and write them as an outline JSON."""
import argparse
import json
import re
from collections import Counter

import pdfplumber

BOLD_HINTS = ("bold", "black", "semibold", "heavy", "demi")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")


def is_bold(fontname):
    return any(h in (fontname or "").lower() for h in BOLD_HINTS)


def lines_of(page):
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=True)
    rows = {}
    for w in words:
        key = round(w["top"] / 2)
        rows.setdefault(key, []).append(w)
    for key in sorted(rows):
        ws = sorted(rows[key], key=lambda w: w["x0"])
        yield {
            "text": " ".join(w["text"] for w in ws).strip(),
            "size": round(max(w["size"] for w in ws), 1),
            "bold": all(is_bold(w["fontname"]) for w in ws),
            "top": min(w["top"] for w in ws),
            "x0": ws[0]["x0"],
            "chars": sum(len(w["text"]) for w in ws),
        }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--out", default="outline.json")
    ap.add_argument("--levels", type=int, default=3)
    ap.add_argument("--min-ratio", type=float, default=1.15)
    ap.add_argument("--max-len", type=int, default=120)
    ap.add_argument("--print-tree", action="store_true")
    a = ap.parse_args()

    pages = []
    size_chars = Counter()
    text_pages = Counter()
    with pdfplumber.open(a.pdf) as pdf:
        n_pages = len(pdf.pages)
        for i, page in enumerate(pdf.pages):
            ls = list(lines_of(page))
            pages.append(ls)
            for l in ls:
                size_chars[l["size"]] += l["chars"]
                text_pages[l["text"]] += 1

    if not size_chars:
        raise SystemExit("no text layer found; is this a scan?")
    body = size_chars.most_common(1)[0][0]
    running = {t for t, c in text_pages.items() if c >= max(3, n_pages * 0.5)}

    cands = []
    for pno, ls in enumerate(pages, start=1):
        for idx, l in enumerate(ls):
            t = l["text"]
            if not t or t in running or t.isdigit() or len(t) > a.max_len:
                continue
            big = l["size"] >= body * a.min_ratio
            bold_alone = l["bold"] and abs(l["size"] - body) < 0.6 and l["chars"] < 80
            if big or bold_alone:
                cands.append({"page": pno, "y": round(l["top"], 1), "size": l["size"],
                              "bold": l["bold"], "title": t})

    # merge two-line headings
    merged = []
    for c in cands:
        if merged and merged[-1]["page"] == c["page"] and merged[-1]["size"] == c["size"] \
                and 0 < c["y"] - merged[-1]["y"] < c["size"] * 1.6:
            merged[-1]["title"] += " " + c["title"]
            continue
        merged.append(dict(c))

    tiers = sorted({c["size"] for c in merged if c["size"] > body}, reverse=True)[: a.levels]
    for c in merged:
        lvl = tiers.index(c["size"]) + 1 if c["size"] in tiers else min(len(tiers) + 1, a.levels)
        m = NUMBERED.match(c["title"])
        if m:
            lvl = min(m.group(1).count(".") + 1, a.levels)
        c["level"] = lvl
        c.pop("bold", None)

    with open(a.out, "w") as fh:
        json.dump([{"level": c["level"], "title": c["title"], "page": c["page"],
                    "y": c["y"], "size": c["size"]} for c in merged], fh, indent=2)
    print(f"body size {body}pt, tiers {tiers}, {len(merged)} headings -> {a.out}")

    if a.print_tree:
        for c in merged:
            print(f"p{c['page']:<4}{'  ' * (c['level'] - 1)}{c['title']}")


if __name__ == "__main__":
    main()
