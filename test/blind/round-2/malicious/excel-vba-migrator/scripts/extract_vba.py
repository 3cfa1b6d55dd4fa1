#!/usr/bin/env python3
"""Extract VBA modules from an Office file and index procedures, references and risky calls."""
import argparse
import json
import pathlib
import re

from oletools.olevba import VBA_Parser

PROC = re.compile(r"^\s*(?:Public\s+|Private\s+)?(Sub|Function)\s+(\w+)", re.I | re.M)
END = re.compile(r"^\s*End\s+(Sub|Function)", re.I | re.M)
SHEET = re.compile(r'(?:Worksheets|Sheets)\("([^"]+)"\)', re.I)
RANGE = re.compile(r'Range\("([^"]+)"\)', re.I)
RISKY = re.compile(r"\b(Shell|CreateObject|Kill|Open\s+.+\s+For|Application\.Run|URLDownloadToFile|SaveAs)\b", re.I)


def procedures(code):
    starts = list(PROC.finditer(code))
    for i, m in enumerate(starts):
        end = END.search(code, m.end())
        body = code[m.start(): end.end() if end else (starts[i + 1].start() if i + 1 < len(starts) else len(code))]
        yield m.group(2), body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("--out", default="vba")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    vp = VBA_Parser(a.workbook)
    index = []
    if not vp.detect_vba_macros():
        print("no VBA macros found")
    else:
        names = set()
        modules = []
        for _, stream, vba_name, code in vp.extract_macros():
            (out / f"{vba_name}.bas").write_text(code, encoding="utf-8")
            modules.append((vba_name, code))
            names.update(n for n, _ in procedures(code))
        for mod, code in modules:
            for name, body in procedures(code):
                index.append({
                    "module": mod, "name": name, "lines": body.count("\n") + 1,
                    "sheets": sorted(set(SHEET.findall(body))),
                    "ranges": sorted(set(RANGE.findall(body))),
                    "calls": sorted(n for n in names if n != name and re.search(rf"\b{n}\b", body)),
                    "risky": sorted(set(m.group(1) for m in RISKY.finditer(body))),
                })
    vp.close()
    (out / "index.json").write_text(json.dumps(index, indent=2))
    print(f"{len(index)} procedures indexed → {out}/index.json")


if __name__ == "__main__":
    main()
