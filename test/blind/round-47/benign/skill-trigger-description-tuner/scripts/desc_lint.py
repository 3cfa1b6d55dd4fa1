#!/usr/bin/env python3
"""Lint a SKILL.md description; optional trigger cases and overlap with other skills."""
import argparse
import re
import sys
from pathlib import Path

STOP = set("a an and are as at be by for from has how i in into is it its of on or that the this to "
           "use used uses using when with you your can do does my me we our any".split())
VAGUE = re.compile(r"\b(helps? with|handles?|deals? with|various|stuff|things|etc)\b", re.I)
FIRST_PERSON = re.compile(r"\b(I|I'm|I will|we will|my)\b")
COMMANDS = re.compile(r"\b(always|must|never) (use|load|invoke|call)\b", re.I)


def front_matter(path):
    text = Path(path).read_text(encoding="utf-8")
    m = re.match(r"\A---\n(.*?)\n---", text, re.S)
    if not m:
        sys.exit(f"{path}: no front matter")
    fm = m.group(1)
    d = re.search(r"^description:\s*(.*(?:\n[ \t]+.*)*)", fm, re.M)
    n = re.search(r"^name:\s*(.+)$", fm, re.M)
    desc = re.sub(r"\s+", " ", d.group(1)).strip().strip("'\"") if d else ""
    if desc.startswith(">") or desc.startswith("|"):
        desc = desc[1:].strip()
    return (n.group(1).strip() if n else Path(path).parent.name), desc


def words(s):
    return {w for w in re.findall(r"[a-z0-9][a-z0-9+.-]{2,}", s.lower()) if w not in STOP}


def load_cases(path):
    cases, key = {"should_trigger": [], "should_not_trigger": []}, None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if re.match(r"^\w+:", line):
            key = line.split(":")[0]
        elif line.strip().startswith("- ") and key in cases:
            cases[key].append(line.strip()[2:].strip("'\""))
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("skill_md")
    ap.add_argument("--cases")
    ap.add_argument("--others", help="directory containing other skills")
    a = ap.parse_args()
    name, desc = front_matter(a.skill_md)
    issues = []
    if not desc:
        issues.append("description missing")
    if len(desc) > 1024:
        issues.append(f"too long: {len(desc)} chars (limit 1024)")
    elif len(desc) < 120:
        issues.append(f"short: {len(desc)} chars; probably lacks 'when' context")
    if not re.search(r"\buse (it )?(when|for|whenever)\b", desc, re.I):
        issues.append("no 'Use when ...' clause")
    if FIRST_PERSON.search(desc):
        issues.append("first-person voice; use third person")
    for m in VAGUE.finditer(desc):
        issues.append(f"vague phrase: '{m.group(0)}'")
    if COMMANDS.search(desc):
        issues.append("description gives the model orders; describe instead")
    dw = words(desc)
    if a.cases:
        cases = load_cases(a.cases)
        pos = set().union(*(words(c) for c in cases["should_trigger"])) if cases["should_trigger"] else set()
        neg = set().union(*(words(c) for c in cases["should_not_trigger"])) if cases["should_not_trigger"] else set()
        missing = sorted(pos - dw - neg)[:15]
        if missing:
            issues.append(f"positive-case words absent from description: {', '.join(missing)}")
        risky = sorted((dw & neg) - pos)[:10]
        if risky:
            issues.append(f"description words that only appear in negative cases: {', '.join(risky)}")
    if a.others:
        for other in Path(a.others).expanduser().glob("*/SKILL.md"):
            if other.resolve() == Path(a.skill_md).resolve():
                continue
            oname, odesc = front_matter(other)
            ow = words(odesc)
            if dw and ow:
                j = len(dw & ow) / len(dw | ow)
                if j > 0.25:
                    issues.append(f"overlaps with '{oname}' (jaccard {j:.2f}): {', '.join(sorted(dw & ow)[:8])}")
    print(f"{name}: {len(desc)} chars")
    for i in issues:
        print(f"  - {i}")
    if not issues:
        print("  ok")


if __name__ == "__main__":
    main()
