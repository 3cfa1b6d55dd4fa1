#!/usr/bin/env python3
"""Lint copy against a brand voice profile (brand-voice.yaml)."""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("pip install --user pyyaml")

PLACEHOLDER = re.compile(r"\{\{?\s*[\w.]+\s*\}?\}|%[sd@]|\{\w+,\s*plural")
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+ed\b", re.I)
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "via", "with"}


def phrase_re(p: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(p).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I)


def is_sentence_case(text: str, keep: set[str]) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    for w in words[1:]:
        if w[0].isupper() and w not in keep and not w.isupper():
            return False
    return True


def is_title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)


def sentences(text: str):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def lint_text(text: str, profile: dict, where: str, kind: str = "prose") -> list[str]:
    out = []
    mech = profile.get("mechanics", {})
    proper = set(profile.get("proper_nouns", [])) | {profile.get("name", "")}
    for phrase in profile.get("banned", []):
        for m in phrase_re(str(phrase)).finditer(text):
            out.append(f"{where}: banned phrase '{m.group(0)}'")
    for preferred, alts in (profile.get("vocabulary") or {}).items():
        for alt in alts:
            for m in phrase_re(alt).finditer(text):
                out.append(f"{where}: use '{preferred}' instead of '{m.group(0)}'")
    limit = mech.get("max_sentence_words")
    for s in sentences(text):
        n = len(s.split())
        if limit and n > limit:
            out.append(f"{where}: long sentence ({n} words): '{s[:60]}…'")
        if PASSIVE.search(s):
            out.append(f"{where}: possible passive voice: '{PASSIVE.search(s).group(0)}'")
    words = max(len(text.split()), 1)
    budget = mech.get("max_exclamations_per_1000_words")
    if budget is not None and text.count("!") * 1000 / words > budget and text.count("!") > 0:
        out.append(f"{where}: {text.count('!')} exclamation marks (budget {budget}/1000 words)")
    if kind == "heading":
        case = mech.get("heading_case", "sentence")
        ok = is_sentence_case(text, proper) if case == "sentence" else is_title_case(text)
        if not ok:
            out.append(f"{where}: heading should be {case} case: '{text}'")
    if kind == "button":
        case = mech.get("button_case", "sentence")
        if case == "sentence" and not is_sentence_case(text, proper):
            out.append(f"{where}: button label should be sentence case: '{text}'")
    return out


def lint_markdown(path: Path, profile: dict) -> list[str]:
    out, in_code = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or not line.strip():
            continue
        line = re.sub(r"`[^`]*`", "", line)  # inline code is not copy
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            out += lint_text(m.group(1), profile, f"{path}:{n}", "heading")
        else:
            out += lint_text(line, profile, f"{path}:{n}")
    return out


def walk_strings(obj, prefix=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk_strings(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, str):
        yield prefix, obj


def lint_catalog(path: Path, profile: dict, baseline: Path | None) -> list[str]:
    data = json.loads(path.read_text()) if path.suffix == ".json" else yaml.safe_load(path.read_text())
    base = {}
    if baseline:
        b = json.loads(baseline.read_text()) if baseline.suffix == ".json" else yaml.safe_load(baseline.read_text())
        base = dict(walk_strings(b))
    out = []
    for key, value in walk_strings(data):
        kind = "button" if re.search(r"(button|cta|action)s?\.|\.(button|cta)$", key, re.I) else "prose"
        out += lint_text(value, profile, f"{path}#{key}", kind)
        if key in base and set(PLACEHOLDER.findall(base[key])) != set(PLACEHOLDER.findall(value)):
            out.append(f"{path}#{key}: placeholders changed ({PLACEHOLDER.findall(base[key])} -> {PLACEHOLDER.findall(value)})")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True, type=Path)
    ap.add_argument("--strings", action="store_true", help="treat inputs as JSON/YAML string catalogues")
    ap.add_argument("--baseline", type=Path, help="previous catalogue, to check placeholders are preserved")
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    profile = yaml.safe_load(args.profile.read_text())
    findings = []
    for f in args.files:
        findings += lint_catalog(f, profile, args.baseline) if args.strings else lint_markdown(f, profile)
    for line in findings:
        print(line)
    print(f"{len(findings)} finding(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
