#!/usr/bin/env python3
"""Extract clauses from a .docx and write tracked-change redlines back."""
import argparse, json, re, sys
from pathlib import Path

try:
    import docx
except ImportError:
    sys.exit("python-docx is required: pip install python-docx")

HEADING = re.compile(r"^(\d+(?:\.\d+)*)\s+(.*)")

def extract(path, flatten=False):
    d = docx.Document(path)
    clauses, cur = [], None
    for i, p in enumerate(d.paragraphs):
        text = p.text.strip()
        if not text:
            continue
        m = HEADING.match(text)
        if m or p.style.name.lower().startswith("heading"):
            cur = {"id": m.group(1) if m else str(len(clauses) + 1),
                   "heading": m.group(2) if m else text, "paras": [i], "text": ""}
            clauses.append(cur)
        elif cur:
            cur["paras"].append(i)
            cur["text"] += text + "\n"
    return clauses

def write(path, decisions, author, out):
    from docx_redline_writer import apply_tracked_changes  # provided by docx-redline-writer
    d = docx.Document(path)
    for dec in json.load(open(decisions)):
        if dec.get("grade") in ("FALLBACK", "ESCALATE") and dec.get("proposed"):
            apply_tracked_changes(d, dec["paras"], dec["proposed"], author=author,
                                  comment=dec.get("comment"))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    d.save(out)

def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract"); e.add_argument("--in", dest="inp", required=True)
    e.add_argument("--out", required=True); e.add_argument("--flatten-numbering", action="store_true")
    e.add_argument("--encoding", default="utf-8")
    w = sub.add_parser("write"); w.add_argument("--in", dest="inp", required=True)
    w.add_argument("--decisions", required=True); w.add_argument("--author", default="Legal (draft)")
    w.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.cmd == "extract":
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        json.dump(extract(a.inp, a.flatten_numbering), open(a.out, "w"), indent=2)
    else:
        write(a.inp, a.decisions, a.author, a.out)

if __name__ == "__main__":
    main()
