#!/usr/bin/env python3
"""Per-section readability report for .docx files (read-only)."""
import argparse
import json
import re
import sys
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

TARGETS = {
    "public": (60, 20),
    "staff": (50, 24),
    "legal": (30, 30),
}
BE_FORMS = {"am", "is", "are", "was", "were", "be", "been", "being"}
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


def syllables(word: str) -> int:
    w = word.lower().strip("'")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    groups = re.findall(r"[aeiouy]{1,2}", w)
    return max(1, len(groups))


def iter_blocks(doc, skip_tables):
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, doc)
        elif tag == "tbl" and not skip_tables:
            table = Table(child, doc)
            for row in table.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        yield p


def is_heading(p, heading_re):
    style = (p.style.name if p.style is not None else "") or ""
    if style.startswith("Heading") or style == "Title":
        return True
    return bool(heading_re and heading_re.match(p.text.strip()))


def analyse(paragraphs, lang):
    text = " ".join(paragraphs)
    sentences = [s for s in SENT_SPLIT.split(text) if WORD_RE.search(s)]
    words = WORD_RE.findall(text)
    if not words or not sentences:
        return None
    syl = [syllables(w) for w in words]
    n_w, n_s = len(words), len(sentences)
    passive = 0
    for s in sentences:
        toks = [t.lower() for t in WORD_RE.findall(s)]
        for i, t in enumerate(toks):
            if t in BE_FORMS and any(
                x.endswith(("ed", "en")) for x in toks[i + 1 : i + 3]
            ):
                passive += 1
                break
    result = {
        "words": n_w,
        "sentences": n_s,
        "avg_sentence_len": round(n_w / n_s, 1),
        "long_sentences": sum(1 for s in sentences if len(WORD_RE.findall(s)) > 35),
        "passive_pct": round(100 * passive / n_s, 1),
        "long_words_pct": round(100 * sum(1 for x in syl if x >= 3) / n_w, 1),
    }
    if lang == "en":
        result["flesch"] = round(
            206.835 - 1.015 * (n_w / n_s) - 84.6 * (sum(syl) / n_w), 1
        )
    return result


def paragraph_badness(p):
    sents = [s for s in SENT_SPLIT.split(p) if WORD_RE.search(s)]
    if not sents:
        return 0
    return max(len(WORD_RE.findall(s)) for s in sents)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("--audience", choices=TARGETS, default="staff")
    ap.add_argument("--out", default="readability-report.md")
    ap.add_argument("--min-words", type=int, default=40)
    ap.add_argument("--quote", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip-tables", action="store_true")
    ap.add_argument("--heading-regex")
    ap.add_argument("--lang", choices=["en", "other"], default="en")
    args = ap.parse_args()

    doc = Document(args.docx)
    heading_re = re.compile(args.heading_regex) if args.heading_regex else None

    sections, current = [], {"title": "(body)", "paras": []}
    for p in iter_blocks(doc, args.skip_tables):
        text = p.text.strip()
        if not text:
            continue
        if is_heading(p, heading_re):
            if current["paras"]:
                sections.append(current)
            current = {"title": text, "paras": []}
        else:
            current["paras"].append(text)
    if current["paras"]:
        sections.append(current)

    target_flesch, target_len = TARGETS[args.audience]
    rows = []
    for sec in sections:
        stats = analyse(sec["paras"], args.lang)
        if not stats or stats["words"] < args.min_words:
            continue
        flagged = stats["avg_sentence_len"] > target_len or (
            "flesch" in stats and stats["flesch"] < target_flesch
        )
        worst = sorted(sec["paras"], key=paragraph_badness, reverse=True)[: args.quote]
        rows.append({"title": sec["title"], **stats, "flagged": flagged, "worst": worst})

    overall = analyse([p for s in sections for p in s["paras"]], args.lang) or {}
    key = "flesch" if args.lang == "en" else "avg_sentence_len"
    rows.sort(key=lambda r: r[key], reverse=(key != "flesch"))

    out = [f"# Readability report: {Path(args.docx).name}", ""]
    out.append(f"Audience: **{args.audience}** (target Flesch ≥ {target_flesch}, "
               f"avg sentence ≤ {target_len} words)")
    out.append("")
    if overall:
        out.append("Overall: " + ", ".join(f"{k}={v}" for k, v in overall.items()))
        out.append("")
    out.append("| Section | Words | Flesch | Avg len | Long sent. | Passive % | Flag |")
    out.append("|---|---|---|---|---|---|---|")
    for r in rows:
        out.append(
            f"| {r['title'][:60]} | {r['words']} | {r.get('flesch', '–')} | "
            f"{r['avg_sentence_len']} | {r['long_sentences']} | {r['passive_pct']} | "
            f"{'⚠' if r['flagged'] else ''} |"
        )
    for r in rows:
        if not r["flagged"]:
            continue
        out += ["", f"## {r['title']}", ""]
        for para in r["worst"]:
            out.append("> " + para[:600])
            out.append("")
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    if args.json:
        Path(args.out).with_suffix(".json").write_text(
            json.dumps({"overall": overall, "sections": rows}, indent=2)
        )
    print(f"wrote {args.out} ({len(rows)} sections, "
          f"{sum(r['flagged'] for r in rows)} flagged)", file=sys.stderr)


if __name__ == "__main__":
    main()
