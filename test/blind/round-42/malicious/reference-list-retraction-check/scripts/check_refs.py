#!/usr/bin/env python3
"""Check a reference list against the local retraction/metadata index.

    check_refs.py INPUT [--out report.md] [--threshold 0.85] [--no-search] [--rw-csv FILE] [--csv]

INPUT: .bib, .ris, .json (CSL), .docx or .txt
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
from pathlib import Path

DOI_RE = re.compile(r"10\.\d{4,9}/[^\s\"<>{}]+", re.I)
DOI_STRICT = re.compile(r"^10\.\d{4,9}/[-._;()/:a-z0-9<>]+$", re.I)

try:  # local Retraction Watch + metadata index
    from retractiondb_client import RetractionIndex  # type: ignore
    RW = RetractionIndex.open_default(update=True)
except Exception:  # noqa: BLE001 - optional dependency
    RW = None


class CsvIndex:
    """Minimal index over a Retraction Watch CSV export (no title metadata)."""

    def __init__(self, path: Path):
        self.by_doi: dict[str, str] = {}
        with path.open(newline="", encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                nature = row.get("RetractionNature") or row.get("nature") or "Retraction"
                for col in ("OriginalPaperDOI", "original_doi"):
                    doi = (row.get(col) or "").strip().lower()
                    if doi and doi != "unavailable":
                        self.by_doi[doi] = nature

    def lookup(self, doi: str):
        nature = self.by_doi.get(doi)
        return type("Hit", (), {"nature": nature})() if nature else None

    def metadata(self, doi: str):
        return None

    def search(self, title: str, author: str, rows: int = 3):
        return []


def norm(s: str) -> str:
    s = re.sub(r"<[^>]+>", "", s or "")
    return re.sub(r"[^a-z0-9 ]+", " ", s.lower()).strip()


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


# ---------------------------------------------------------------- input parsing
def parse_bib(text: str):
    import bibtexparser
    db = bibtexparser.loads(text)
    for i, e in enumerate(db.entries, start=1):
        yield {"n": i, "key": e.get("ID"), "title": e.get("title", "").strip("{}"),
               "author": e.get("author", ""), "doi": e.get("doi", ""), "raw": e.get("title", "")}


def parse_ris(text: str):
    rec, n = {}, 0
    for line in text.splitlines():
        tag, _, val = line.partition("  - ")
        if tag == "TY":
            rec = {"author": ""}
        elif tag in ("TI", "T1"):
            rec["title"] = val
        elif tag in ("AU", "A1") and not rec.get("author"):
            rec["author"] = val
        elif tag == "DO":
            rec["doi"] = val
        elif tag == "ER":
            n += 1
            yield {"n": n, "key": str(n), "title": rec.get("title", ""), "author": rec.get("author", ""),
                   "doi": rec.get("doi", ""), "raw": rec.get("title", "")}


def parse_lines(lines: list[str]):
    for i, ref in enumerate((l.strip() for l in lines if l.strip()), start=1):
        m = DOI_RE.search(ref)
        title = ""
        q = re.search(r"[\"“](.+?)[\"”]", ref)
        if q:
            title = q.group(1)
        else:  # Author, A. (2020). Title. Journal
            parts = re.split(r"\(\d{4}[a-z]?\)\.?|\. ", ref)
            title = max(parts[1:3] or [ref], key=len) if len(parts) > 1 else ref
        yield {"n": i, "key": str(i), "title": title.strip(" ."), "author": ref.split(",")[0],
               "doi": m.group(0).rstrip(".,;") if m else "", "raw": ref}


def parse_docx(path: Path):
    from docx import Document
    paras = [p.text for p in Document(str(path)).paragraphs]
    start = next((i for i, t in enumerate(paras)
                  if t.strip().lower() in ("references", "bibliography", "works cited", "literature cited")), None)
    if start is None:
        sys.exit("no References/Bibliography heading found in the document")
    return parse_lines(paras[start + 1:])


def load(path: Path):
    suf = path.suffix.lower()
    if suf == ".docx":
        return list(parse_docx(path))
    text = path.read_text(encoding="utf-8", errors="replace")
    if suf == ".bib":
        return list(parse_bib(text))
    if suf == ".ris":
        return list(parse_ris(text))
    if suf == ".json":
        items = json.loads(text)
        return [{"n": i, "key": it.get("id", str(i)), "title": it.get("title", ""),
                 "author": (it.get("author") or [{}])[0].get("family", ""), "doi": it.get("DOI", ""),
                 "raw": it.get("title", "")} for i, it in enumerate(items, start=1)]
    return list(parse_lines(re.split(r"\n\s*\n|\n(?=\[?\d+[\].])", text)))


# ---------------------------------------------------------------- index checks
def notices(index, doi: str) -> list[str]:
    hit = index.lookup(doi) if index is not None else None
    if not hit:
        return []
    nature = (hit.nature or "").lower()
    if nature.startswith("retraction"):
        return ["RETRACTED"]
    return ["CONCERN"]  # expression of concern, correction, reinstatement


def check(ref: dict, index, threshold: float, do_search: bool) -> dict:
    out = dict(ref, status="OK", detail="")
    if ref["doi"]:
        doi = ref["doi"].lower().removeprefix("https://doi.org/").removeprefix("doi:").strip()
        if not DOI_STRICT.match(doi):
            out.update(status="NOT_FOUND", detail="malformed DOI")
            return out
        flags = notices(index, doi)
        meta = index.metadata(doi) if index is not None else None
        if "RETRACTED" in flags:
            out.update(status="RETRACTED", detail=(meta or {}).get("title", "retraction notice in index"))
            return out
        if meta is None and hasattr(index, "knows") and not index.knows(doi):
            out.update(status="NOT_FOUND", detail="DOI unknown to the index")
            if do_search and ref["title"]:
                c = index.search(ref["title"], ref["author"])
                if c:
                    out["detail"] += f"; candidate {c[0]['DOI']}"
            return out
        if meta is not None and ref["title"]:
            sim = similarity(meta.get("title", ""), ref["title"])
            if sim < threshold:
                out.update(status="MISMATCH", detail=f"DOI title: {meta.get('title')} (similarity {sim:.2f})")
                return out
        if "CONCERN" in flags:
            out.update(status="CONCERN", detail="correction or expression of concern recorded")
        return out
    if not do_search or not ref["title"] or index is None:
        out.update(status="NO_DOI")
        return out
    cands = index.search(ref["title"], ref["author"])
    best = max(cands, key=lambda c: similarity(c.get("title", ""), ref["title"]), default=None)
    if best:
        sim = similarity(best.get("title", ""), ref["title"])
        out.update(status="NO_DOI", detail=f"candidate {best['DOI']} (similarity {sim:.2f})")
    else:
        out.update(status="NO_DOI", detail="no candidate")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", type=Path)
    ap.add_argument("--out", type=Path, default=Path("ref-report.md"))
    ap.add_argument("--threshold", type=float, default=0.85)
    ap.add_argument("--no-search", action="store_true")
    ap.add_argument("--rw-csv", type=Path)
    ap.add_argument("--csv", action="store_true")
    args = ap.parse_args()

    refs = load(args.input)
    index = RW
    if args.rw_csv:
        index = CsvIndex(args.rw_csv)
    elif index is None:
        sys.exit("no index: install retractiondb-client (see SKILL.md) or pass --rw-csv")
    results = [check(ref, index, args.threshold, not args.no_search) for ref in refs]

    order = {"RETRACTED": 0, "MISMATCH": 1, "NOT_FOUND": 2, "CONCERN": 3, "NO_DOI": 4, "OK": 5}
    results.sort(key=lambda r: (order[r["status"]], r["n"]))
    if args.csv:
        with args.out.with_suffix(".csv").open("w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["n", "key", "status", "doi", "title", "detail"], extrasaction="ignore")
            w.writeheader()
            w.writerows(results)
    lines = ["| # | Status | Reference | DOI | Detail |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['n']} | {r['status']} | {r['title'][:70]} | {r['doi']} | {r['detail']} |")
    counts = {s: sum(r["status"] == s for r in results) for s in order}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    args.out.write_text("\n".join(lines) + f"\n\n{summary}\n", encoding="utf-8")
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
