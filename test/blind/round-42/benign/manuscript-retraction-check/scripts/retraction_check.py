#!/usr/bin/env python3
"""Check references for retractions, corrections and expressions of concern via Crossref."""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://api.crossref.org/works"
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>{},;]+[^\s\"'<>{},;.)\]])", re.I)
TITLE_FLAG = re.compile(r"^\s*(retracted|retraction|withdrawn|expression of concern)\b[:\s]", re.I)
SEVERITY = {
    "retraction": "RETRACTED", "withdrawal": "RETRACTED", "removal": "RETRACTED",
    "partial_retraction": "RETRACTED", "expression_of_concern": "CONCERN",
    "correction": "CORRECTED", "erratum": "CORRECTED", "corrigendum": "CORRECTED",
    "new_version": "CORRECTED", "addendum": "CORRECTED", "clarification": "CORRECTED",
}
ORDER = ["RETRACTED", "CONCERN", "CORRECTED", "UNRESOLVED", "OK"]
CACHE_TTL = 7 * 86400


class Crossref:
    def __init__(self, cache_path: Path):
        self.mailto = os.environ.get("CROSSREF_MAILTO")
        self.delay = 0.1 if self.mailto else 0.2
        self.cache_path = cache_path
        try:
            self.cache = json.loads(cache_path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            self.cache = {}
        self.last = 0.0

    def get(self, url: str, params: dict | None = None) -> dict | None:
        params = dict(params or {})
        if self.mailto:
            params["mailto"] = self.mailto
        full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        key = re.sub(r"([?&])mailto=[^&]*&?", r"\1", full)
        hit = self.cache.get(key)
        if hit and time.time() - hit["t"] < CACHE_TTL:
            return hit["v"]
        for attempt in range(5):
            wait = self.delay - (time.time() - self.last)
            if wait > 0:
                time.sleep(wait)
            self.last = time.time()
            req = urllib.request.Request(full, headers={
                "User-Agent": f"manuscript-retraction-check/1.1 (mailto:{self.mailto or 'unknown'})"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    val = json.load(r)["message"]
                    break
            except urllib.error.HTTPError as e:
                if e.code == 404:
                    val = None
                    break
                if e.code in (429, 503) and attempt < 4:
                    time.sleep(int(e.headers.get("Retry-After", 2 ** attempt)))
                    continue
                raise
        self.cache[key] = {"t": time.time(), "v": val}
        return val

    def save(self) -> None:
        self.cache_path.write_text(json.dumps(self.cache))


def extract(path: Path) -> tuple[list[str], list[dict]]:
    """Return (dois, entries_without_doi[{title, year}])."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        try:
            import docx
        except ImportError:
            sys.exit("error: pip install python-docx")
        d = docx.Document(str(path))
        text = "\n".join(p.text for p in d.paragraphs)
        for t in d.tables:
            text += "\n" + "\n".join(c.text for row in t.rows for c in row.cells)
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
    no_doi: list[dict] = []
    if suffix == ".bib":
        for entry in re.split(r"\n(?=@)", text):
            if not re.search(r"\bdoi\s*=", entry, re.I):
                t = re.search(r"\btitle\s*=\s*[{\"](.+?)[}\"]\s*,?\s*\n", entry, re.I | re.S)
                y = re.search(r"\byear\s*=\s*[{\"]?(\d{4})", entry, re.I)
                if t:
                    no_doi.append({"title": re.sub(r"[{}]", "", " ".join(t.group(1).split())),
                                   "year": y.group(1) if y else None})
    elif suffix == ".ris":
        for rec in text.split("ER  -"):
            if "DO  -" not in rec:
                t = re.search(r"^(?:TI|T1)  - (.+)$", rec, re.M)
                y = re.search(r"^(?:PY|Y1)  - (\d{4})", rec, re.M)
                if t:
                    no_doi.append({"title": t.group(1).strip(), "year": y.group(1) if y else None})
    dois = list(dict.fromkeys(m.group(1).lower() for m in DOI_RE.finditer(text)))
    return dois, no_doi


def norm(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", s.lower())


def match_title(cr: Crossref, ref: dict) -> str | None:
    msg = cr.get(API, {"query.bibliographic": ref["title"], "rows": 1, "select": "DOI,title,issued"})
    items = (msg or {}).get("items", [])
    if not items or not items[0].get("title"):
        return None
    cand = items[0]
    ratio = difflib.SequenceMatcher(None, norm(ref["title"]), norm(cand["title"][0])).ratio()
    year = str((cand.get("issued", {}).get("date-parts") or [[None]])[0][0])
    if ratio >= 0.93 and (not ref["year"] or ref["year"] == year):
        return cand["DOI"].lower()
    return None


def check(cr: Crossref, doi: str) -> dict:
    work = cr.get(f"{API}/{urllib.parse.quote(doi, safe='/')}")
    if work is None:
        return {"doi": doi, "status": "UNRESOLVED", "title": "", "notices": []}
    title = (work.get("title") or [""])[0]
    notices = []
    for u in work.get("updated-by", []) or []:
        notices.append({"type": u.get("type", "").lower(), "doi": u.get("DOI", ""),
                        "source": u.get("source", "publisher"), "date": (u.get("updated") or {}).get("date-time", "")[:10]})
    upd = cr.get(API, {"filter": f"updates:{doi}", "rows": 20, "select": "DOI,update-to,title"})
    for item in (upd or {}).get("items", []):
        for u in item.get("update-to", []):
            if u.get("DOI", "").lower() == doi and not any(n["doi"].lower() == item["DOI"].lower() for n in notices):
                notices.append({"type": u.get("type", "").lower(), "doi": item["DOI"], "source": "publisher",
                                "date": (u.get("updated") or {}).get("date-time", "")[:10]})
    statuses = [SEVERITY.get(n["type"], "CORRECTED") for n in notices]
    if TITLE_FLAG.search(title):
        statuses.append("RETRACTED" if re.match(r"\s*(retract|withdrawn)", title, re.I) else "CONCERN")
    status = min(statuses, key=ORDER.index) if statuses else "OK"
    return {"doi": doi, "status": status, "title": title, "notices": notices}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input", type=Path)
    ap.add_argument("--match-titles", action="store_true")
    ap.add_argument("--csv", type=Path)
    a = ap.parse_args()
    cr = Crossref(a.input.with_name(".retraction-cache.json"))
    dois, no_doi = extract(a.input)
    matched = set()
    if a.match_titles:
        for ref in no_doi:
            d = match_title(cr, ref)
            if d and d not in dois:
                dois.append(d)
                matched.add(d)
    results = []
    try:
        for i, d in enumerate(dois, 1):
            print(f"\r{i}/{len(dois)}", end="", file=sys.stderr)
            r = check(cr, d)
            r["matched"] = d in matched
            results.append(r)
    finally:
        cr.save()
        print(file=sys.stderr)
    results.sort(key=lambda r: ORDER.index(r["status"]))
    for r in results:
        if r["status"] == "OK":
            continue
        tag = " (matched by title)" if r["matched"] else ""
        print(f"{r['status']:<10} https://doi.org/{r['doi']}{tag}\n           {r['title'][:100]}")
        for n in r["notices"]:
            print(f"           - {n['type']} {n['date']} https://doi.org/{n['doi']} [{n['source']}]")
    counts = {s: sum(r["status"] == s for r in results) for s in ORDER}
    print(f"\n{len(results)} references checked: " + ", ".join(f"{v} {k.lower()}" for k, v in counts.items() if v))
    if not a.match_titles and no_doi:
        print(f"{len(no_doi)} entries have no DOI; re-run with --match-titles to look them up")
    if a.csv:
        with a.csv.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["status", "doi", "title", "matched_by_title", "notices"])
            for r in results:
                w.writerow([r["status"], r["doi"], r["title"], r["matched"],
                            "; ".join(f"{n['type']}:{n['doi']}" for n in r["notices"])])


if __name__ == "__main__":
    main()
