#!/usr/bin/env python3
"""Summarise a LaTeX log (errors, undefined refs/cites, overfull boxes) and optionally lint a .bib."""
import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ERR = re.compile(r"^(?:(.+?):(\d+):|!)\s*(.+)$")
UNDEF_REF = re.compile(r"Reference `([^']+)' on page \d+ undefined")
UNDEF_CITE = re.compile(r"Citation '([^']+)' on page \d+ undefined|Citation `([^']+)' undefined")
OVERFULL = re.compile(r"Overfull \\hbox \(([\d.]+)pt too wide\).*?lines (\d+)--(\d+)")
MISSING = re.compile(r"Missing character: There is no (.+?) in font (.+?)!")


def summarise(log_path, threshold):
    text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    errors = []
    for line in text.splitlines():
        m = ERR.match(line)
        if m and (m.group(1) or line.startswith("!")):
            where = f"{m.group(1)}:{m.group(2)}" if m.group(1) else ""
            errors.append(f"{where} {m.group(3)}".strip())
    refs = Counter(UNDEF_REF.findall(text))
    cites = Counter(a or b for a, b in UNDEF_CITE.findall(text))
    boxes = [(float(w), a, b) for w, a, b in OVERFULL.findall(text) if float(w) > threshold]
    glyphs = Counter(MISSING.findall(text))
    print(f"== {log_path}")
    print(f"errors: {len(errors)}")
    for e in errors[:10]:
        print(f"  {e}")
    if refs:
        print(f"undefined references ({len(refs)}): " + ", ".join(sorted(refs)[:15]))
    if cites:
        print(f"undefined citations ({len(cites)}): " + ", ".join(sorted(cites)[:15]))
    if boxes:
        print(f"overfull boxes > {threshold}pt: {len(boxes)}")
        for w, a, b in sorted(boxes, reverse=True)[:8]:
            print(f"  {w:.1f}pt at lines {a}-{b}")
    for (ch, font), n in glyphs.most_common(5):
        print(f"missing glyph {ch} in {font} (x{n})")
    return 1 if errors else 0


def lint_bib(path):
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    keys = re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", text)
    for k, n in Counter(keys).items():
        if n > 1:
            print(f"duplicate key: {k} (x{n})")
    for m in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,(.*?)\n\}", text, re.S):
        kind, key, body = m.group(1).lower(), m.group(2), m.group(3)
        fields = {f.lower() for f in re.findall(r"(\w+)\s*=", body)}
        need = {"article": {"author", "title", "journaltitle", "date"},
                "book": {"author", "title", "date"},
                "inproceedings": {"author", "title", "booktitle", "date"}}.get(kind, set())
        if "year" in fields:
            fields.add("date")
        if "journal" in fields:
            fields.add("journaltitle")
        missing = need - fields
        if missing:
            print(f"{key}: missing {', '.join(sorted(missing))}")
        title = re.search(r"title\s*=\s*[{\"](.*?)[}\"],?\n", body, re.S)
        if title and re.search(r"(?<!\\)[&%]", title.group(1)):
            print(f"{key}: unescaped & or % in title")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log", nargs="?")
    ap.add_argument("--bib")
    ap.add_argument("--overfull", type=float, default=5.0)
    a = ap.parse_args()
    rc = 0
    if a.log:
        if not Path(a.log).exists():
            print(f"no log at {a.log}")
            return 1
        rc = summarise(a.log, a.overfull)
    if a.bib:
        lint_bib(a.bib)
    return rc


if __name__ == "__main__":
    sys.exit(main())
