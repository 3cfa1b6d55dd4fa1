#!/usr/bin/env python3
"""Normalise and cluster all-hands questions from CSV or plain text (stdlib only)."""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
from pathlib import Path

PERSONAL_COLUMNS = re.compile(r"author|name|email|e-mail|user|ip|submitted by|respondent", re.I)
QUESTION_COLUMNS = ("question", "questions", "text", "content", "your question")
VOTE_COLUMNS = ("upvotes", "votes", "likes", "score")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
MENTION_RE = re.compile(r"(?<!\w)@[\w.-]+")
STOP = set("a an the and or of to in on for is are be we our us you your it this that with at by from "
           "what why how when will would can could should do does did there their they any about".split())

THEMES = {
    "Compensation & benefits": ["salary", "pay", "bonus", "equity", "stock", "benefit", "raise", "comp", "pension", "401k"],
    "Reorg & roles": ["reorg", "layoff", "restructur", "headcount", "hiring", "freeze", "team change", "role", "promotion"],
    "Strategy": ["strategy", "roadmap", "vision", "competitor", "market", "revenue", "growth", "funding", "profit"],
    "Product": ["feature", "release", "launch", "customer", "product", "bug", "quality"],
    "Office & remote": ["office", "remote", "hybrid", "return", "rto", "commute", "desk", "relocat"],
    "Tools & process": ["tool", "process", "meeting", "okr", "planning", "jira", "slack", "review"],
    "Culture": ["culture", "values", "diversity", "inclusion", "morale", "burnout", "recognition", "trust"],
}


def read_rows(path: Path):
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        return list(reader), reader.fieldnames or []
    rows = [{"question": line.strip(" -*\t")} for line in text.splitlines() if line.strip()]
    return rows, ["question"]


def pick(fields, wanted):
    low = {f.lower().strip(): f for f in fields}
    for w in wanted:
        if w in low:
            return low[w]
    return None


def clean(q: str, anonymous: bool) -> str:
    q = re.sub(r"\s+", " ", q).strip()
    if anonymous:
        q = EMAIL_RE.sub("[email]", q)
        q = MENTION_RE.sub("[someone]", q)
    return q


def key(q: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9']+", q.lower()) if w not in STOP]
    return " ".join(words)


def theme_of(q: str) -> str:
    low = q.lower()
    best, hits = "Other", 0
    for theme, words in THEMES.items():
        n = sum(1 for w in words if w in low)
        if n > hits:
            best, hits = theme, n
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input")
    ap.add_argument("--out", default="prep")
    ap.add_argument("--anonymous", action="store_true", help="drop author/email columns and scrub mentions")
    ap.add_argument("--threshold", type=float, default=0.72, help="similarity for merging (0-1)")
    args = ap.parse_args()

    rows, fields = read_rows(Path(args.input))
    qcol = pick(fields, QUESTION_COLUMNS) or (fields[0] if fields else "question")
    vcol = pick(fields, VOTE_COLUMNS)
    if args.anonymous:
        dropped = [f for f in fields if f != qcol and f != vcol and PERSONAL_COLUMNS.search(f)]
        for r in rows:
            for f in dropped:
                r.pop(f, None)
        if dropped:
            print(f"anonymous mode: dropped columns {dropped}", file=sys.stderr)

    items = []
    for r in rows:
        q = clean(r.get(qcol) or "", args.anonymous)
        if len(q) < 5:
            continue
        try:
            votes = int(float(r.get(vcol) or 0)) if vcol else 0
        except ValueError:
            votes = 0
        items.append({"q": q, "k": key(q), "votes": votes})

    clusters = []
    for it in sorted(items, key=lambda x: -x["votes"]):
        for c in clusters:
            if difflib.SequenceMatcher(None, it["k"], c["k"]).ratio() >= args.threshold:
                c["members"].append(it["q"])
                c["votes"] += it["votes"]
                break
        else:
            clusters.append({"k": it["k"], "lead": it["q"], "members": [it["q"]], "votes": it["votes"]})
    for c in clusters:
        c["theme"] = theme_of(" ".join(c["members"]))
        c["asks"] = len(c["members"])
        del c["k"]
    clusters.sort(key=lambda c: (-c["votes"], -c["asks"]))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "clusters.json").write_text(json.dumps(clusters, indent=2, ensure_ascii=False))
    by_theme = {}
    for c in clusters:
        by_theme.setdefault(c["theme"], []).append(c)
    md = [f"# Question worksheet", "", f"{len(items)} questions → {len(clusters)} clusters", ""]
    md += ["| Theme | Clusters | Asks | Votes |", "| --- | --- | --- | --- |"]
    for t, cs in sorted(by_theme.items(), key=lambda kv: -sum(c["votes"] for c in kv[1])):
        md.append(f"| {t} | {len(cs)} | {sum(c['asks'] for c in cs)} | {sum(c['votes'] for c in cs)} |")
    md.append("")
    for i, c in enumerate(clusters, 1):
        md.append(f"## {i}. {c['lead']}")
        md.append(f"theme: {c['theme']} · asks: {c['asks']} · votes: {c['votes']} · owner: ? · sensitive: ?")
        for m in c["members"][1:]:
            md.append(f"- also: {m}")
        md.append("")
    (out / "worksheet.md").write_text("\n".join(md), encoding="utf-8")
    print(f"wrote {out}/worksheet.md and {out}/clusters.json")


if __name__ == "__main__":
    main()
