import argparse
import json
import re
import sys
from pathlib import Path

from .reporters import REPORTERS, FEDERAL_CIRCUIT, COMMON_MISTAKES

REP_ALT = "|".join(sorted((re.escape(r) for r in list(REPORTERS) + list(COMMON_MISTAKES)), key=len, reverse=True))
CASE_RE = re.compile(rf"(?P<name>[A-Z][\w.&' -]+ v\. [\w.&' -]+?),\s+(?P<vol>\d+)\s+(?P<rep>{REP_ALT})\s+(?P<page>\d+)(?:,\s*(?P<pin>\d+(?:[-–]\d+)?))?\s*(?:\((?P<paren>[^)]*)\))?")
STAT_RE = re.compile(r"(?P<title>\d+)\s+(?P<code>U\.?S\.?C\.?|USC)\s*(?P<sec>§+)?\s*(?P<num>\d+[a-z]*)(?:\s*\((?P<yr>\d{4})\))?")
ID_RE = re.compile(r"\bId\.")


def read_text(path: Path) -> list[str]:
    if path.suffix == ".docx":
        import docx
        return [p.text for p in docx.Document(path).paragraphs]
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return [pg.extract_text() or "" for pg in PdfReader(path).pages]
    return path.read_text(encoding="utf-8").split("\n\n")


def check(paragraphs):
    findings, last_authority = [], None
    for i, para in enumerate(paragraphs, 1):
        for m in CASE_RE.finditer(para):
            rep = m["rep"]
            if rep in COMMON_MISTAKES:
                findings.append(dict(loc=i, cite=m[0], rule="T1", msg=f"reporter should be {COMMON_MISTAKES[rep]}"))
                rep = COMMON_MISTAKES[rep]
            paren = m["paren"] or ""
            if not re.search(r"\d{4}", paren):
                findings.append(dict(loc=i, cite=m[0], rule="R10.5", msg="missing year parenthetical"))
            elif rep in FEDERAL_CIRCUIT and "Cir." not in paren:
                findings.append(dict(loc=i, cite=m[0], rule="R10.4", msg="circuit case needs court, e.g. (9th Cir. 2019)"))
            last_authority = m["name"]
        for m in STAT_RE.finditer(para):
            if m["code"] != "U.S.C." or not m["sec"]:
                findings.append(dict(loc=i, cite=m[0], rule="R12", msg=f"use {m['title']} U.S.C. § {m['num']}"))
            last_authority = f"{m['title']} U.S.C."
        for m in ID_RE.finditer(para):
            if last_authority is None:
                findings.append(dict(loc=i, cite="Id.", rule="R4.1", msg="Id. with no preceding authority"))
    return findings


def main(argv=None):
    ap = argparse.ArgumentParser(prog="citecheck")
    ap.add_argument("file")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--local")
    a = ap.parse_args(argv)
    res = check(read_text(Path(a.file)))
    if a.format == "json":
        json.dump(res, sys.stdout, indent=2)
    else:
        for f in res:
            print(f"¶{f['loc']}  [{f['rule']}]  {f['cite']!r}: {f['msg']}")
        print(f"{len(res)} finding(s)")


if __name__ == "__main__":
    main()
