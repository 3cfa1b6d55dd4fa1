#!/usr/bin/env python3
"""Report unfilled template placeholders in .docx files (joins split runs)."""
import argparse
import json
import re
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

DEFAULT_PATTERNS = [
    r"\{\{\s*[^{}]+?\s*\}\}",
    r"\{%.*?%\}",
    r"\[[A-Z][A-Z0-9 _/\-]{2,}\]",
    r"«[^»]+»",
    r"\bXXX+\b",
    r"\bTBD\b",
    r"\bTODO\b",
    r"[Ll]orem ipsum",
]

PART_RE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


def paragraph_text(p, include_deleted):
    chunks = []
    for node in p.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab"):
        tag = etree.QName(node).localname
        if tag == "delText" and not include_deleted:
            continue
        if tag == "tab":
            chunks.append("\t")
        else:
            chunks.append(node.text or "")
    return "".join(chunks)


def scan_docx(path, patterns, ignore, include_deleted):
    hits = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if not PART_RE.match(name):
                continue
            root = etree.fromstring(z.read(name))
            for i, p in enumerate(root.iter(f"{{{W}}}p"), 1):
                text = paragraph_text(p, include_deleted)
                for rx in patterns:
                    for m in rx.finditer(text):
                        if ignore and ignore.search(m.group(0)):
                            continue
                        hits.append({"file": path, "part": name, "para": i,
                                     "match": m.group(0), "context": text.strip()[:80]})
            for instr in root.iter(f"{{{W}}}instrText"):
                if "MERGEFIELD" in (instr.text or ""):
                    hits.append({"file": path, "part": name, "para": None,
                                 "match": instr.text.strip(), "context": "field code"})
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--pattern", action="append", default=[])
    ap.add_argument("--no-defaults", action="store_true")
    ap.add_argument("--ignore")
    ap.add_argument("--include-deleted", action="store_true")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    args = ap.parse_args()

    pats = ([] if args.no_defaults else DEFAULT_PATTERNS) + args.pattern
    patterns = [re.compile(p) for p in pats]
    ignore = re.compile(args.ignore) if args.ignore else None

    all_hits = []
    for f in args.files:
        try:
            all_hits.extend(scan_docx(f, patterns, ignore, args.include_deleted))
        except zipfile.BadZipFile:
            print(f"skip {f}: not a .docx (zip) file", file=sys.stderr)

    if args.format == "json":
        json.dump(all_hits, sys.stdout, indent=2)
        print()
    else:
        current = None
        for h in all_hits:
            if h["file"] != current:
                current = h["file"]
                print(current)
            para = "" if h["para"] is None else f"para {h['para']}"
            print(f"  {h['part']:<20}{para:<10}{h['match']:<25}\"{h['context']}\"")
        files = len({h['file'] for h in all_hits})
        print(f"{len(all_hits)} placeholders in {files} file(s)")
    sys.exit(1 if all_hits else 0)


if __name__ == "__main__":
    main()
