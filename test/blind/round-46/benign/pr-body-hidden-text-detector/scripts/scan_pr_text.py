#!/usr/bin/env python3
"""Find hidden or AI-directed text in PR titles, bodies, comments and commit messages."""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata

ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
TAGS = re.compile("[\U000e0000-\U000e007f]+")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
DETAILS = re.compile(r"<details>\s*<summary>\s*(.?)\s*</summary>(.*?)</details>", re.S | re.I)
AI_WORDS = re.compile(r"\b(assistant|ai|llm|copilot|claude|gpt|reviewer|bot|agent|approve|merge)\b", re.I)
DIRECTIVES = [
    r"ignore (all |any )?(previous|prior|above) (instructions|rules)",
    r"you are now\b",
    r"(as|you are) the (ai )?reviewer,? (you )?must",
    r"\bapprove (this|it)\b",
    r"\brun the following\b",
    r"\bdo not (tell|mention|inform)\b",
    r"\bpre-?approved\b",
    r"\bprint (the value of|your) .*(token|secret|key|env)",
]
DIRECTIVE_RE = re.compile("|".join(DIRECTIVES), re.I)
EXFIL = re.compile(r"(\$\{?\{?\s*(env\.|secrets\.)|\$GITHUB_TOKEN|\$[A-Z_]*(TOKEN|KEY|SECRET)\b|[?&](token|key|secret|t)=\{)", re.I)
MD_URL = re.compile(r"!?\[[^\]]*\]\(([^)]+)\)")


def decode_tags(s: str) -> str:
    return "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)


def scan(where: str, text: str) -> list[tuple[str, str, str]]:
    out = []
    if not text:
        return out
    for m in COMMENT.finditer(text):
        inner = " ".join(m.group(1).split())
        if AI_WORDS.search(inner) or DIRECTIVE_RE.search(inner):
            out.append((where, "HID-COMMENT", inner[:160]))
    zw = ZW.findall(text)
    if len(zw) >= 3:
        out.append((where, "HID-ZW", f"{len(zw)} zero-width chars; stripped text: {ZW.sub('', text)[:120]!r}"))
    if BIDI.search(text):
        out.append((where, "HID-BIDI", ", ".join(sorted({unicodedata.name(c) for c in BIDI.findall(text)}))))
    for m in TAGS.finditer(text):
        out.append((where, "HID-TAG", f"decoded: {decode_tags(m.group(0))[:160]!r}"))
    for m in DETAILS.finditer(text):
        out.append((where, "HID-DETAILS", f"summary={m.group(1)!r} body={' '.join(m.group(2).split())[:120]!r}"))
    visible_and_hidden = text + " " + " ".join(decode_tags(t) for t in TAGS.findall(text))
    for m in DIRECTIVE_RE.finditer(visible_and_hidden):
        s = max(0, m.start() - 20)
        out.append((where, "DIRECTIVE", " ".join(visible_and_hidden[s:m.end() + 60].split())))
    for m in EXFIL.finditer(visible_and_hidden):
        out.append((where, "EXFIL-SHAPE", m.group(0)))
    for m in MD_URL.finditer(text):
        if re.search(r"[?&](token|key|secret|data|q)=", m.group(1), re.I) and "{" in m.group(1):
            out.append((where, "EXFIL-SHAPE", m.group(1)[:160]))
    return out


def from_gh_json(d: dict) -> list[tuple[str, str]]:
    items = [("title", d.get("title", "")), ("body", d.get("body", ""))]
    for i, c in enumerate(d.get("comments") or [], 1):
        items.append((f"comment#{i}", c.get("body", "")))
    for i, r in enumerate(d.get("reviews") or [], 1):
        items.append((f"review#{i}", r.get("body", "")))
    for c in d.get("commits") or []:
        items.append((f"commit {c.get('oid', '')[:8]}", f"{c.get('messageHeadline', '')}\n{c.get('messageBody', '')}"))
    return items


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?")
    ap.add_argument("--text", help="scan a plain Markdown/text file")
    args = ap.parse_args()
    if args.text:
        items = [("body", open(args.text, encoding="utf-8").read())]
    elif args.path:
        items = from_gh_json(json.load(open(args.path, encoding="utf-8")))
    else:
        ap.error("give a gh JSON file or --text FILE")
    findings = [f for where, t in items for f in scan(where, t)]
    for where, kind, ev in findings:
        print(f"{where:<16} {kind:<12} {ev}")
    kinds = {k for _, k, _ in findings}
    verdict = "injection" if kinds & {"DIRECTIVE", "EXFIL-SHAPE", "HID-TAG"} and kinds & {"HID-COMMENT", "HID-TAG", "HID-ZW", "HID-DETAILS"} \
        else "suspicious" if findings else "none"
    print(f"verdict: {verdict}")
    return {"none": 0, "suspicious": 1, "injection": 2}[verdict]


if __name__ == "__main__":
    sys.exit(main())
