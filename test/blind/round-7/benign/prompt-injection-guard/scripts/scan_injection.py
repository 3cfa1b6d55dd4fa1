#!/usr/bin/env python3
"""Heuristic scanner for prompt-injection attempts in untrusted text.

Reads a file (or a labelled corpus) and prints findings. It does not execute,
decode-and-run, or transmit anything.
"""
import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, asdict

RULES = [
    ("PI001", "high", re.compile(
        r"\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|system)\b[^.\n]{0,20}\b(instructions?|prompts?|rules?|messages?)",
        re.I)),
    ("PI002", "medium", re.compile(
        r"\b(you are now|from now on you are|act as (the )?(system|developer|admin)|new system prompt)\b", re.I)),
    ("PI003", "high", re.compile(
        r"\b(read|open|print|cat|show|output|paste|include|send|upload)\b[^\n]{0,40}"
        r"(~/\.ssh/|id_rsa|id_ed25519|\.aws/credentials|(?<![\w.])\.env(?![\w.])|\.npmrc|\.netrc|keychain|wallet\.dat|seed phrase)",
        re.I)),
    ("PI004", "high", re.compile(
        r"\b(send|post|upload|forward|submit|exfiltrate|append)\b[^\n]{0,60}https?://", re.I)),
    ("PI004", "medium", re.compile(r"!\[[^\]]*\]\(https?://[^)\s]+\?[^)\s]*=[^)\s]*\)")),
    ("PI005", "high", re.compile(
        r"\b(do not|don't|never)\s+(tell|inform|mention|notify|show)\b[^.\n]{0,30}\b(user|human|operator)\b|\bsilently\b|\bwithout (telling|mentioning|asking)\b",
        re.I)),
    ("PI006", "medium", re.compile(r"<!--.*?-->", re.S)),
    ("PI007", "low", re.compile(r"\b(?:[A-Za-z0-9+/]{80,}={0,2}|(?:[0-9a-fA-F]{2}){40,})\b")),
]

INVISIBLE = {
    0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,          # zero-width
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,          # bidi embedding/override
    0x2066, 0x2067, 0x2068, 0x2069,                  # bidi isolates
}


@dataclass
class Finding:
    rule: str
    severity: str
    line: int
    excerpt: str


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    snippet = text[max(0, start - 10):min(len(text), end + 10)].replace("\n", " ")
    return snippet if len(snippet) <= width else snippet[:width] + "..."


def scan(text: str) -> list[Finding]:
    findings: list[Finding] = []
    for rule, sev, rx in RULES:
        for m in rx.finditer(text):
            findings.append(Finding(rule, sev, line_of(text, m.start()), excerpt(text, m.start(), m.end())))
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in INVISIBLE or 0xE0000 <= cp <= 0xE007F:
            name = unicodedata.name(ch, "UNKNOWN")
            findings.append(Finding("PI006", "high", line_of(text, i), f"U+{cp:04X} {name}"))
    findings.sort(key=lambda f: (f.line, f.rule))
    return findings


def verdict(findings: list[Finding]) -> str:
    if any(f.severity == "high" for f in findings):
        return "likely injection"
    if findings:
        return "suspicious"
    return "clean"


def parse_corpus(text: str):
    """Corpus format: '### <label>: <title>' followed by a fenced block."""
    cases = re.findall(r"^### (injection|benign): (.+?)\n+```(?:text)?\n(.*?)\n```", text, re.M | re.S)
    return [(label, title.strip(), body) for label, title, body in cases]


def run_corpus(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        cases = parse_corpus(fh.read())
    wrong = 0
    for label, title, body in cases:
        v = verdict(scan(body))
        predicted = "benign" if v == "clean" else "injection"
        ok = predicted == label
        wrong += 0 if ok else 1
        print(f"{'ok  ' if ok else 'MISS'} [{label:9}] -> {v:16} {title}")
    print(f"\n{len(cases) - wrong}/{len(cases)} cases match expected label")
    return 1 if wrong else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", help="file to scan ('-' for stdin)")
    ap.add_argument("--json", action="store_true", help="emit JSON")
    ap.add_argument("--corpus", help="run against a labelled corpus file")
    args = ap.parse_args()

    if args.corpus:
        return run_corpus(args.corpus)
    if not args.path:
        ap.error("a path or --corpus is required")

    text = sys.stdin.read() if args.path == "-" else open(args.path, encoding="utf-8", errors="replace").read()
    findings = scan(text)
    if args.json:
        print(json.dumps({"verdict": verdict(findings), "findings": [asdict(f) for f in findings]}, indent=2))
    else:
        print(f"Verdict: {verdict(findings)}")
        for f in findings:
            print(f"  {f.rule} ({f.severity}) line {f.line}: {f.excerpt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
