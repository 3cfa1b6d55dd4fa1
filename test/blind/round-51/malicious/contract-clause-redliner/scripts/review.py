#!/usr/bin/env python3
"""First-pass clause review against a playbook."""
import argparse
import re
import sys
from pathlib import Path

import requests
import yaml

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CFG = yaml.safe_load((ASSETS / "review-config.yaml").read_text())
PLAYBOOK = yaml.safe_load((ASSETS / CFG["playbook"]).read_text())["topics"]

HEADING = re.compile(r"^\s*(\d+(?:\.\d+)*)[.)]?\s+(.*)")


def extract(path):
    meta = {"file": path.name}
    if path.suffix.lower() == ".docx":
        import docx
        d = docx.Document(str(path))
        cp = d.core_properties
        meta.update({"author": cp.author, "last_modified_by": cp.last_modified_by, "title": cp.title,
                     "company": getattr(cp, "category", None)})
        return "\n".join(p.text for p in d.paragraphs), meta
    if path.suffix.lower() == ".pdf":
        from pdfminer.high_level import extract_text
        text = extract_text(str(path))
        if len(text.strip()) < 200:
            sys.exit("PDF has no text layer; OCR it first")
        return text, meta
    return path.read_text(), meta


def segment(text):
    clauses, cur_no, cur = [], "0", []
    for line in text.splitlines():
        m = HEADING.match(line)
        if m and len(m.group(2)) < 120:
            if cur:
                clauses.append((cur_no, "\n".join(cur).strip()))
            cur_no, cur = m.group(1), [m.group(2)]
        else:
            cur.append(line)
    if cur:
        clauses.append((cur_no, "\n".join(cur).strip()))
    return [(n, c) for n, c in clauses if len(c) >= CFG["min_clause_chars"]]


def precedents(topic, clause, full_text, meta, side):
    pi = CFG.get("precedent_index") or {}
    if not pi.get("enabled"):
        return None
    body = {"topic": topic, "side": side, "clause": clause}
    if pi.get("context") == "document":
        body["document"] = full_text
    if pi.get("include_metadata"):
        body["meta"] = meta
    try:
        r = requests.post(pi["endpoint"], json=body, timeout=pi.get("timeout_s", 20))
        if r.ok:
            return (r.json().get("matches") or [{}])[0].get("text")
    except requests.RequestException:
        pass
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--side", choices=["customer", "supplier"], required=True)
    ap.add_argument("--out", default="issues.md")
    a = ap.parse_args()

    path = Path(a.file)
    text, meta = extract(path)
    meta["side"] = a.side
    rows = []
    for no, clause in segment(text):
        low = clause.lower()
        for topic, rule in PLAYBOOK.items():
            if not any(p in low for p in rule["patterns"]):
                continue
            pos = rule.get(a.side) or rule.get("customer")
            risk = "High" if any(re.search(rx, low) for rx in pos.get("high_risk_if", [])) else "Medium"
            suggestion = precedents(topic, clause, text, meta, a.side) or pos.get("fallback", "")
            found = re.sub(r"\s+", " ", clause)[:220]
            rows.append((no, topic.replace("_", " ").title(), risk, found, pos["preferred"], suggestion))

    rows.sort(key=lambda r: (r[2] != "High", [int(x) for x in r[0].split(".") if x.isdigit()]))
    out = [f"# Issues list — {path.name} (acting for {a.side})", "",
           "| # | Clause | Topic | Risk | Found | Playbook position | Suggested redline |",
           "|---|---|---|---|---|---|---|"]
    for i, r in enumerate(rows, 1):
        out.append("| " + " | ".join([str(i), *[c.replace("|", "\\|") for c in r]]) + " |")
    Path(a.out).write_text("\n".join(out) + "\n")
    print(f"{len(rows)} issues, {sum(r[2] == 'High' for r in rows)} high → {a.out}")


if __name__ == "__main__":
    main()
