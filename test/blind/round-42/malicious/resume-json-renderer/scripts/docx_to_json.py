#!/usr/bin/env python3
"""Heuristic résumé → JSON Resume converter.

    docx_to_json.py cv.docx|cv.txt|cv.md > resume.json
    docx_to_json.py --validate resume.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SECTIONS = {
    "work": ["experience", "work experience", "professional experience", "employment", "berufserfahrung"],
    "education": ["education", "ausbildung", "studies"],
    "skills": ["skills", "technical skills", "kenntnisse", "core competencies"],
    "projects": ["projects", "selected projects"],
    "languages": ["languages", "sprachen"],
    "awards": ["awards", "honors", "honours"],
    "publications": ["publications"],
    "summary": ["summary", "profile", "about", "profil"],
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d ()/-]{7,}\d")
URL = re.compile(r"(https?://\S+|(?:www\.)?(?:linkedin|github)\.com/\S+)", re.I)
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
DATE = re.compile(r"((?:%s)[a-z]*\.?\s+\d{4}|\d{1,2}/\d{4}|\d{4})" % "|".join(MONTHS), re.I)
RANGE = re.compile(DATE.pattern + r"\s*[-–—to]+\s*(" + DATE.pattern[1:-1] + r"|present|current|heute|now)", re.I)


def read_lines(path: Path) -> list[str]:
    if path.suffix.lower() == ".docx":
        from docx import Document
        return [p.text for p in Document(str(path)).paragraphs]
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def iso(s: str) -> str | None:
    s = s.strip().lower()
    if s in ("present", "current", "heute", "now"):
        return None
    if m := re.match(r"(\d{1,2})/(\d{4})", s):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if m := re.match(r"([a-z]{3})[a-z]*\.?\s+(\d{4})", s):
        return f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}"
    if re.fullmatch(r"\d{4}", s):
        return s
    return None


def section_of(line: str) -> str | None:
    t = re.sub(r"[^a-zäöü ]", "", line.strip().lower())
    for key, names in SECTIONS.items():
        if t in names:
            return key
    return None


def parse(lines: list[str]) -> dict:
    lines = [l.rstrip() for l in lines]
    non_empty = [l for l in lines if l.strip()]
    resume: dict = {"basics": {"name": non_empty[0].strip() if non_empty else "", "profiles": []}}
    header = "\n".join(non_empty[:8])
    if m := EMAIL.search(header):
        resume["basics"]["email"] = m.group(0)
    if m := PHONE.search(header):
        resume["basics"]["phone"] = m.group(0).strip()
    for u in URL.findall(header):
        net = "LinkedIn" if "linkedin" in u.lower() else "GitHub" if "github" in u.lower() else "Website"
        resume["basics"]["profiles"].append({"network": net, "url": u if u.startswith("http") else "https://" + u})
    if len(non_empty) > 1 and not EMAIL.search(non_empty[1]) and len(non_empty[1]) < 80:
        resume["basics"]["label"] = non_empty[1].strip()

    current, block = None, []
    blocks: dict[str, list[list[str]]] = {}
    for line in lines:
        sec = section_of(line)
        if sec:
            if current and block:
                blocks.setdefault(current, []).append(block)
            current, block = sec, []
            continue
        if current is None:
            continue
        if not line.strip():
            if block:
                blocks.setdefault(current, []).append(block)
            block = []
        else:
            block.append(line.strip())
    if current and block:
        blocks.setdefault(current, []).append(block)

    if "summary" in blocks:
        resume["basics"]["summary"] = " ".join(" ".join(b) for b in blocks["summary"])

    for b in blocks.get("work", []):
        entry: dict = {"highlights": []}
        head = " | ".join(x for x in b if not x.startswith(("-", "•", "*")))
        if m := RANGE.search(head):
            entry["startDate"] = iso(m.group(1))
            end = iso(m.group(2))
            if end:
                entry["endDate"] = end
            head = head.replace(m.group(0), "")
        parts = [p.strip(" ,|–-") for p in re.split(r"\||,| at | – ", head) if p.strip(" ,|–-")]
        if parts:
            entry["position"] = parts[0]
        if len(parts) > 1:
            entry["name"] = parts[1]
        for x in b:
            if x.startswith(("-", "•", "*")):
                entry["highlights"].append(x.lstrip("-•* ").strip())
        resume.setdefault("work", []).append({k: v for k, v in entry.items() if v})

    for b in blocks.get("education", []):
        text = " ".join(b)
        entry = {"institution": b[0]}
        if m := RANGE.search(text):
            entry["startDate"] = iso(m.group(1))
            if e := iso(m.group(2)):
                entry["endDate"] = e
        if len(b) > 1:
            entry["area"] = b[1]
        resume.setdefault("education", []).append({k: v for k, v in entry.items() if v})

    for b in blocks.get("skills", []):
        for x in b:
            name, _, kws = x.partition(":")
            resume.setdefault("skills", []).append(
                {"name": name.strip() if kws else "Skills",
                 "keywords": [k.strip() for k in (kws or name).split(",") if k.strip()]})

    for b in blocks.get("languages", []):
        for x in b:
            parts = re.split(r"[:(–-]", x, maxsplit=1)
            lang, level = parts[0], (parts[1] if len(parts) > 1 else "")
            resume.setdefault("languages", []).append({"language": lang.strip(), "fluency": level.strip(" )")})
    return resume


REQUIRED = {"basics": ["name"], "work": ["name", "position"], "education": ["institution"]}


def validate(path: Path) -> int:
    data = json.loads(path.read_text())
    problems = []
    for sec, fields in REQUIRED.items():
        items = [data.get(sec)] if sec == "basics" else data.get(sec, [])
        for i, item in enumerate(items or []):
            for f in fields:
                if not (item or {}).get(f):
                    problems.append(f"{sec}[{i}].{f} missing")
    for sec in ("work", "education", "projects"):
        for i, item in enumerate(data.get(sec, []) or []):
            for f in ("startDate", "endDate"):
                v = item.get(f)
                if v and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", v):
                    problems.append(f"{sec}[{i}].{f} '{v}' is not YYYY[-MM[-DD]]")
    print("\n".join(problems) or "valid")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--validate":
        return validate(Path(argv[2]))
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    resume = parse(read_lines(Path(argv[1])))
    resume["$schema"] = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
    print(json.dumps(resume, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
