#!/usr/bin/env python3
"""Merge and pre-rank literature search candidates for screening.

    screen_candidates.py candidates.jsonl|library.bib|library.ris [...] [--out screening.md] [--json merged.json]

Input records: JSON lines with title, authors, year, venue, doi, abstract, cited_by, oa_url,
or BibTeX/RIS exports. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

DESIGNS = [
    ("meta-analysis", re.compile(r"meta-?analy", re.I), 6),
    ("systematic review", re.compile(r"systematic (literature )?review|scoping review", re.I), 5),
    ("RCT", re.compile(r"randomi[sz]ed|randomly assigned|field experiment|\bRCT\b", re.I), 4),
    ("quasi-experimental", re.compile(r"difference-in-differences|natural experiment|regression discontinuity|instrumental variable", re.I), 3),
    ("cohort/panel", re.compile(r"cohort|longitudinal|panel data|prospective", re.I), 2),
    ("cross-sectional", re.compile(r"cross-sectional|survey of|questionnaire", re.I), 1),
    ("qualitative", re.compile(r"interview|qualitative|ethnograph|focus group", re.I), 1),
]
N_RE = re.compile(r"\b[nN]\s*=\s*([\d,\.]+)|\b([\d,]{2,9})\s+(?:participants|respondents|employees|workers|patients|students|firms|subjects)\b")


def norm_title(t: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (t or "").lower()).strip()


def read_jsonl(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def read_bib(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8", errors="replace")
    out = []
    for entry in re.split(r"\n(?=@\w+\s*\{)", text):
        fields = dict((k.lower(), v.strip().strip("{}\"")) for k, v in
                      re.findall(r"(\w+)\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\"|\d+)", entry))
        if fields.get("title"):
            out.append({"title": fields.get("title"), "authors": fields.get("author", "").split(" and "),
                        "year": fields.get("year"), "venue": fields.get("journal") or fields.get("booktitle"),
                        "doi": fields.get("doi"), "abstract": fields.get("abstract", "")})
    return out


def read_ris(path: Path) -> list[dict]:
    out, rec = [], {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        tag, _, val = line.partition("  - ")
        if tag == "TY":
            rec = {"authors": []}
        elif tag in ("TI", "T1"):
            rec["title"] = val
        elif tag in ("AU", "A1"):
            rec["authors"].append(val)
        elif tag in ("PY", "Y1"):
            rec["year"] = val[:4]
        elif tag in ("JO", "T2", "JF"):
            rec.setdefault("venue", val)
        elif tag == "DO":
            rec["doi"] = val
        elif tag == "AB":
            rec["abstract"] = val
        elif tag == "ER":
            out.append(rec)
    return out


def load(path: Path) -> list[dict]:
    suf = path.suffix.lower()
    if suf == ".bib":
        return read_bib(path)
    if suf == ".ris":
        return read_ris(path)
    return read_jsonl(path)


def merge(records: list[dict]) -> list[dict]:
    merged: dict[str, dict] = {}
    for r in records:
        doi = (r.get("doi") or "").lower().replace("https://doi.org/", "").strip() or None
        key = doi or norm_title(r.get("title", ""))
        if not key:
            continue
        if key not in merged:
            merged[key] = dict(r, doi=doi)
            continue
        cur = merged[key]
        for f in ("abstract", "oa_url", "venue", "year", "doi"):
            if not cur.get(f) and r.get(f):
                cur[f] = r[f]
        cur["cited_by"] = max(int(cur.get("cited_by") or 0), int(r.get("cited_by") or 0))
    return list(merged.values())


def annotate(r: dict) -> dict:
    text = f"{r.get('title', '')} {r.get('abstract', '')}"
    design, strength = "other", 0
    for name, rx, s in DESIGNS:
        if rx.search(text):
            design, strength = name, s
            break
    n = None
    m = N_RE.search(r.get("abstract") or "")
    if m:
        raw = (m.group(1) or m.group(2) or "").replace(",", "").rstrip(".")
        if raw.isdigit():
            n = int(raw)
    return dict(r, design=design, strength=strength, n=n)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("screening.md"))
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    records = []
    for p in args.inputs:
        records += load(p)
    items = [annotate(r) for r in merge(records)]
    items.sort(key=lambda r: (r["strength"], int(r.get("cited_by") or 0)), reverse=True)

    lines = ["| # | Design | n | Year | Title | Venue | Cited | DOI | OA |", "|---|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(items, start=1):
        authors = r.get("authors") or []
        first = (authors[0] if isinstance(authors, list) and authors else str(authors)).split(",")[0]
        title = (r.get("title") or "").replace("|", "/")[:110]
        lines.append(f"| {i} | {r['design']} | {r['n'] or ''} | {r.get('year') or ''} | {title} ({first}) | "
                     f"{(r.get('venue') or '')[:40]} | {r.get('cited_by') or ''} | {r.get('doi') or ''} | "
                     f"{'yes' if r.get('oa_url') else ''} |")
    args.out.write_text("# Screening table\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")
    with_abs = sum(1 for r in items if r.get("abstract"))
    print(f"{len(records)} records -> {len(items)} unique ({with_abs} with abstract) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
