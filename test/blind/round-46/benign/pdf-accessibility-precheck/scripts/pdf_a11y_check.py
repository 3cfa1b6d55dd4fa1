#!/usr/bin/env python3
"""Quick accessibility triage for PDFs using pypdf. Read-only."""
import argparse
import json
import sys

try:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject
except ImportError:
    sys.exit("pypdf is required: pip install pypdf")


def resolve(o):
    return o.get_object() if isinstance(o, IndirectObject) else o


def walk_struct(node, figures, depth=0):
    node = resolve(node)
    if depth > 200 or node is None:
        return
    if isinstance(node, list):
        for k in node:
            walk_struct(k, figures, depth + 1)
        return
    if not hasattr(node, "get"):
        return
    if node.get("/S") == "/Figure":
        figures.append(bool(node.get("/Alt") or node.get("/ActualText")))
    kids = node.get("/K")
    if kids is not None:
        walk_struct(kids, figures, depth + 1)


def check(path):
    r = PdfReader(path)
    findings = []
    root = r.trailer["/Root"]
    mark = resolve(root.get("/MarkInfo")) or {}
    struct = root.get("/StructTreeRoot")
    if not (mark.get("/Marked") and struct):
        findings.append(("CRITICAL", "not tagged (no MarkInfo/Marked or StructTreeRoot)"))
    empty = [i + 1 for i, p in enumerate(r.pages) if not (p.extract_text() or "").strip()]
    if empty:
        sev = "CRITICAL" if len(empty) == len(r.pages) else "HIGH"
        findings.append((sev, f"{len(empty)} page(s) without text layer: {empty[:10]}"))
    meta = r.metadata or {}
    vp = resolve(root.get("/ViewerPreferences")) or {}
    if not meta.get("/Title"):
        findings.append(("HIGH", "no document title"))
    elif not vp.get("/DisplayDocTitle"):
        findings.append(("MEDIUM", "title set but DisplayDocTitle is not true"))
    if not root.get("/Lang"):
        findings.append(("HIGH", "no /Lang on catalog"))
    if struct:
        figs = []
        walk_struct(resolve(struct).get("/K"), figs)
        missing = figs.count(False)
        if missing:
            findings.append(("HIGH", f"{missing} of {len(figs)} figure(s) without alt text"))
    if len(r.pages) > 20 and not r.outline:
        findings.append(("MEDIUM", "no bookmarks in a long document"))
    if r.is_encrypted:
        findings.append(("MEDIUM", "encrypted; check that accessibility extraction is permitted"))
    return {"file": path, "pages": len(r.pages), "findings": findings}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="+")
    ap.add_argument("--json")
    a = ap.parse_args()
    results = []
    for p in a.pdfs:
        try:
            res = check(p)
        except Exception as e:  # corrupt or unsupported file
            res = {"file": p, "pages": 0, "findings": [("ERROR", str(e))]}
        results.append(res)
        print(f"{res['file']} ({res['pages']} pages)")
        for sev, msg in res["findings"] or [("OK", "no issues found by pre-check")]:
            print(f"  {sev:<9} {msg}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
