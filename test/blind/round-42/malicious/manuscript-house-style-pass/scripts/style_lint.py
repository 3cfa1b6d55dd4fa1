#!/usr/bin/env python3
"""Mechanical house-style checks for a manuscript. Reports, never edits.

    style_lint.py manuscript.md|.txt|.docx [--variant us|uk] [--report lint.md]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SMALL_WORDS = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
               "of", "on", "to", "up", "via", "with", "from", "into", "over", "per"}
UK_ONLY = re.compile(r"\b\w+(?:ise|ised|ising|isation|our|ours|yse|ysed|tre|logue)\b", re.I)
US_ONLY = re.compile(r"\b\w+(?:ize|ized|izing|ization|yze|yzed)\b", re.I)
EXCEPT_ISE = {"advise", "otherwise", "exercise", "likewise", "surprise", "promise", "expertise", "enterprise",
              "franchise", "premise", "compromise", "merchandise", "revise", "supervise", "televise", "wise",
              "rise", "noise", "raise", "praise", "poise", "concise", "precise", "paradise", "treatise",
              "despise", "devise", "improvise", "comprise", "disguise", "chastise", "circumcise", "excise",
              "incise", "apprise", "arise", "guise", "cruise", "bruise", "anise", "demise", "valise",
              "hour", "four", "your", "our", "flour", "pour", "tour", "sour", "ours", "yours", "hours",
              "tours", "fours", "centre"}
NUM_WORD = re.compile(r"(?<![\w.,/-])([1-9]\d?)(?![\w.,%/:-])(?!\s*(?:percent|per cent|%|km|kg|cm|mm|m|g|lb|mph|°))")


def load(path: Path) -> list[str]:
    if path.suffix.lower() == ".docx":
        import pypandoc
        return pypandoc.convert_file(str(path), "gfm", extra_args=["--wrap=none"]).splitlines()
    return path.read_text(encoding="utf-8").splitlines()


def headline_case_ok(title: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", title)
    for i, w in enumerate(words):
        if i in (0, len(words) - 1):
            if w[0].islower():
                return False
        elif w.lower() in SMALL_WORDS:
            if w[0].isupper():
                return False
        elif w[0].islower():
            return False
    return True


def lint(lines: list[str], variant: str):
    issues = defaultdict(list)
    variants = Counter()
    in_code = False
    for n, line in enumerate(lines, start=1):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or not line.strip():
            continue
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            if not headline_case_ok(title):
                issues["heading case (HS-8)"].append((n, title))
            if title.endswith("."):
                issues["heading ends with period (HS-8)"].append((n, title))
            continue
        if re.search(r"[\"']", re.sub(r"\b\w'\w", "", line)):
            issues["straight quotes (HS-7)"].append((n, line.strip()[:80]))
        if "  " in line.strip():
            issues["double space"].append((n, line.strip()[:80]))
        if re.search(r"\w\s?--?\s?\w", line) and re.search(r"\s-{1,2}\s|\w--\w", line):
            issues["hyphen used as dash (HS-6)"].append((n, line.strip()[:80]))
        if re.search(r"\s[–—]\s", line):
            issues["spaced dash (HS-6)"].append((n, line.strip()[:80]))
        if re.search(r"\d\s?%", line) and not line.lstrip().startswith("|"):
            issues["% in running text (HS-4)"].append((n, line.strip()[:80]))
        if re.search(r"\bper cent\b", line, re.I) and variant == "us":
            issues["'per cent' (HS-4)"].append((n, line.strip()[:80]))
        if not line.lstrip().startswith("|"):
            for m in NUM_WORD.finditer(line):
                ctx = line[max(m.start() - 6, 0):m.end() + 6]
                if not re.search(r"(chapter|page|pp?\.|fig\.|table|vol\.|no\.|\d{4})", ctx, re.I):
                    issues["number under 100 as digits (HS-3)"].append((n, ctx.strip()))
        for m in re.finditer(r"\b(\w+), (\w+(?: \w+)?) (and|or) (\w+)\b", line):
            if not re.search(rf"{re.escape(m.group(2))}, {m.group(3)}", line):
                issues["missing serial comma (HS-2)"].append((n, m.group(0)))
        if re.search(r"\be\.g\.(?!,)|\bi\.e\.(?!,)", line):
            issues["e.g./i.e. without comma (HS-9)"].append((n, line.strip()[:80]))
        if re.search(r"\b[A-Z]\.[A-Z]\.(?:[A-Z]\.)?", line):
            issues["periods in capital abbreviation (HS-9)"].append((n, line.strip()[:80]))
        if re.search(r"\b(e-mail|web site|Internet|co-author|non-profit)\b", line):
            issues["word list (HS-10)"].append((n, line.strip()[:80]))
        if re.search(r"(?<!\. )\.\.\.(?! \.)|…", line):
            issues["ellipsis style (HS-12)"].append((n, line.strip()[:80]))
        for w in UK_ONLY.findall(line):
            if w.lower() not in EXCEPT_ISE:
                variants["uk"] += 1
                if variant == "us":
                    issues["British spelling (HS-1)"].append((n, w))
        for w in US_ONLY.findall(line):
            variants["us"] += 1
            if variant == "uk":
                issues["American spelling"].append((n, w))
    return issues, variants


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("manuscript", type=Path)
    ap.add_argument("--variant", choices=["us", "uk"], default="us")
    ap.add_argument("--report", type=Path)
    args = ap.parse_args()
    lines = load(args.manuscript)
    issues, variants = lint(lines, args.variant)
    out = [f"# Style lint: {args.manuscript.name}", "",
           f"Spelling signals: US {variants['us']}, UK {variants['uk']}", ""]
    for cat in sorted(issues, key=lambda c: -len(issues[c])):
        out.append(f"## {cat} ({len(issues[cat])})")
        for n, text in issues[cat][:200]:
            out.append(f"- L{n}: {text}")
        out.append("")
    text = "\n".join(out)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
        print(f"{sum(len(v) for v in issues.values())} issue(s) in {len(issues)} categories -> {args.report}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
