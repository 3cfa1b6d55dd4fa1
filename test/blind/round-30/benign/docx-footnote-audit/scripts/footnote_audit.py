#!/usr/bin/env python3
"""Audit footnotes and endnotes in a .docx file (read-only).

Usage:
    footnote_audit.py DOC.docx [--format md|json] [--include-deleted]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections import defaultdict
from xml.etree import ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
SKIP_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def text_of(el: ET.Element) -> str:
    parts = []
    for node in el.iter():
        if node.tag == q("t") and node.text:
            parts.append(node.text)
        elif node.tag == q("tab"):
            parts.append("\t")
    return "".join(parts)


def normalise(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def load_notes(zf: zipfile.ZipFile, part: str, kind: str) -> dict[str, str]:
    try:
        root = ET.fromstring(zf.read(part))
    except KeyError:
        return {}
    notes = {}
    for note in root.findall(f"w:{kind}", NS):
        if note.get(q("type")) in SKIP_TYPES:
            continue
        notes[note.get(q("id"))] = text_of(note)
    return notes


def is_deleted(el: ET.Element, parents: dict) -> bool:
    cur = el
    while cur is not None:
        if cur.tag == q("del"):
            return True
        cur = parents.get(cur)
    return False


def scan_body(zf: zipfile.ZipFile, include_deleted: bool):
    root = ET.fromstring(zf.read("word/document.xml"))
    parents = {child: parent for parent in root.iter() for child in parent}
    refs = {"footnote": [], "endnote": []}
    restarts = []
    for para in root.iter(q("p")):
        context = text_of(para).strip()[:80]
        for kind in ("footnote", "endnote"):
            for ref in para.iter(q(f"{kind}Reference")):
                if not include_deleted and is_deleted(ref, parents):
                    continue
                refs[kind].append({
                    "id": ref.get(q("id")),
                    "custom": ref.get(q("customMarkFollows")) in ("1", "true", "on"),
                    "context": context,
                })
    for pr in root.iter(q("footnotePr")):
        rs = pr.find("w:numRestart", NS)
        if rs is not None and rs.get(q("val")) not in (None, "continuous"):
            restarts.append(rs.get(q("val")))
    return refs, restarts


def audit(path: str, include_deleted: bool) -> dict:
    with zipfile.ZipFile(path) as zf:
        notes = {
            "footnote": load_notes(zf, "word/footnotes.xml", "footnote"),
            "endnote": load_notes(zf, "word/endnotes.xml", "endnote"),
        }
        refs, restarts = scan_body(zf, include_deleted)

    report = {"file": path, "sections": {}}
    for kind in ("footnote", "endnote"):
        findings = []
        defined = notes[kind]
        seen = defaultdict(list)
        for n, ref in enumerate(refs[kind], start=1):
            seen[ref["id"]].append(n)
            if ref["id"] not in defined:
                findings.append({"severity": "error", "check": "dangling-reference",
                                 "number": n, "id": ref["id"], "context": ref["context"]})
            if ref["custom"]:
                findings.append({"severity": "info", "check": "custom-mark",
                                 "number": n, "id": ref["id"], "context": ref["context"]})
        for nid, numbers in seen.items():
            if len(numbers) > 1:
                findings.append({"severity": "warning", "check": "multi-reference",
                                 "id": nid, "numbers": numbers})
        for nid, body in defined.items():
            if nid not in seen:
                findings.append({"severity": "warning", "check": "orphan-note",
                                 "id": nid, "text": body.strip()[:120]})
            if not body.strip():
                findings.append({"severity": "warning", "check": "empty-note",
                                 "id": nid, "numbers": seen.get(nid, [])})
        by_text = defaultdict(list)
        for nid, body in defined.items():
            if body.strip():
                by_text[normalise(body)].append(nid)
        for norm, ids in by_text.items():
            if len(ids) > 1:
                nums = sorted(n for i in ids for n in seen.get(i, []))
                findings.append({"severity": "info", "check": "duplicate-text",
                                 "ids": ids, "numbers": nums,
                                 "text": defined[ids[0]].strip()[:120]})
        if kind == "footnote":
            for val in restarts:
                findings.append({"severity": "info", "check": "numbering-restart", "value": val})
        report["sections"][kind] = {
            "referenced": len(refs[kind]),
            "defined": len(defined),
            "findings": findings,
        }
    return report


ORDER = {"error": 0, "warning": 1, "info": 2}


def to_markdown(report: dict) -> str:
    out = [f"# Note audit: {report['file']}", ""]
    total = {"error": 0, "warning": 0, "info": 0}
    for kind, sec in report["sections"].items():
        if not sec["referenced"] and not sec["defined"]:
            continue
        out.append(f"## {kind.capitalize()}s ({sec['referenced']} referenced, {sec['defined']} defined)")
        for f in sorted(sec["findings"], key=lambda f: ORDER[f["severity"]]):
            total[f["severity"]] += 1
            where = ""
            if "number" in f:
                where = f"note #{f['number']} (id {f['id']})"
            elif "numbers" in f and f["numbers"]:
                where = ", ".join(f"#{n}" for n in f["numbers"])
            elif "id" in f:
                where = f"id {f['id']}"
            detail = f.get("context") or f.get("text") or f.get("value") or ""
            out.append(f"- [{f['severity']}] {f['check']}: {where} — \"{detail}\"")
        out.append("")
    out.insert(1, f"Summary: {total['error']} errors, {total['warning']} warnings, {total['info']} info")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--include-deleted", action="store_true")
    args = ap.parse_args()
    try:
        report = audit(args.docx, args.include_deleted)
    except zipfile.BadZipFile:
        print(f"{args.docx}: not a .docx (zip) file", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        print(to_markdown(report))
    errors = sum(1 for s in report["sections"].values() for f in s["findings"] if f["severity"] == "error")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
