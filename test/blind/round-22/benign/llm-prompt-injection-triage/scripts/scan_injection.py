#!/usr/bin/env python3
"""Static prompt-injection scanner. Reads files, reports suspicious spans. No network, no execution."""
from __future__ import annotations

import argparse
import base64
import binascii
import fnmatch
import json
import os
import re
import sys
from dataclasses import dataclass, asdict
from pathlib import Path

TEXT_EXT = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv", ".eml", ".xml", ".yaml", ".yml", ".rst"}
SEV_ORDER = {"low": 0, "medium": 1, "high": 2}

NOUNS = r"(?:instructions?|prompts?|rules|guidelines|directions|system\s+message|context)"
RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("PI-OVERRIDE", "high", re.compile(
        rf"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original)?\s*{NOUNS}", re.I)),
    ("PI-OVERRIDE", "high", re.compile(r"\b(?:new|updated|real)\s+instructions\s*:|\bfrom\s+now\s+on,?\s+you\b", re.I)),
    ("PI-ROLE", "medium", re.compile(r"(?m)^\s*(?:system|assistant)\s*:|<\|im_start\|>\s*system|\[/?INST\]|^###\s*instruction|</?(?:system|user)>", re.I)),
    ("PI-PERSONA", "medium", re.compile(r"\b(?:you\s+are\s+now\s+(?:DAN|an?\s+unrestricted)|developer\s+mode\s+(?:enabled|on)|jailbr[oe]ken|do\s+anything\s+now)\b", re.I)),
    ("PI-TOOLCALL", "high", re.compile(
        r"\b(?:execute|run|call|invoke)\s+(?:the\s+following|this)\s+(?:command|script|tool|function)|\brun\s+this\s+in\s+(?:your|the)\s+terminal|\buse\s+your\s+(?:bash|shell|browser|fetch)\s+tool\b", re.I)),
    ("PI-PIPE-SHELL", "high", re.compile(
        r"\b(?:curl|wget)\b[^\n|]{0,200}\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n|]{0,200}\|\s*iex\b|powershell(?:\.exe)?\s+[^\n]{0,40}-e(?:nc|ncodedcommand)?\s+[A-Za-z0-9+/=]{20,}", re.I)),
    ("PI-EXFIL-IMG", "high", re.compile(r"!?\[[^\]]{0,80}\]\(\s*https?://[^)\s]+[?&][^)\s]*(?:\{[^}]+\}|\$\{?[A-Z_]+|%7B)[^)]*\)", re.I)),
    ("PI-SECRET-ASK", "high", re.compile(
        r"\b(?:reveal|print|output|show|send|include|paste|repeat)\b[^\n.]{0,60}\b(?:system\s+prompt|api[\s_-]?keys?|environment\s+variables|\.env\b|~/\.ssh|id_rsa|id_ed25519|credentials|access\s+tokens?)", re.I)),
    ("PI-HTML-HIDDEN", "medium", re.compile(r"<!--[^>]{0,400}?\b(?:assistant|AI|model|agent|LLM|Claude|GPT)\b[^>]{0,400}?-->", re.I | re.S)),
    ("PI-HTML-HIDDEN", "medium", re.compile(r"style\s*=\s*['\"][^'\"]*(?:display\s*:\s*none|font-size\s*:\s*0|visibility\s*:\s*hidden|color\s*:\s*#?fff(?:fff)?\b[^'\"]*background(?:-color)?\s*:\s*#?fff)", re.I)),
]

HIDDEN_RE = re.compile("[\U000E0000-\U000E007F]+|[\u200B\u200C\u200D\u2060\uFEFF]{3,}|[\u202A-\u202E\u2066-\u2069]")
B64_RE = re.compile(r"(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{4}){10,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/=])")
DATA_URI_RE = re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,", re.I)


@dataclass
class Finding:
    path: str
    line: int
    rule: str
    severity: str
    excerpt: str
    decoded: str | None = None


def visible(s: str, limit: int = 160) -> str:
    out = []
    for ch in s:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F or ch in "\u200B\u200C\u200D\u2060\uFEFF" or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
            out.append(f"\\u{{{cp:X}}}")
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decode_tags(s: str) -> str:
    return "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)


def line_of(text: str, idx: int) -> int:
    return text.count("\n", 0, idx) + 1


def scan_text(path: str, text: str, depth: int = 0) -> list[Finding]:
    found: list[Finding] = []
    for rule, sev, rx in RULES:
        for m in rx.finditer(text):
            found.append(Finding(path, line_of(text, m.start()), rule, sev, visible(text[max(0, m.start() - 20): m.end() + 60])))
    for m in HIDDEN_RE.finditer(text):
        decoded = decode_tags(m.group(0)) or None
        found.append(Finding(path, line_of(text, m.start()), "PI-HIDDEN-UNICODE", "high",
                             visible(text[max(0, m.start() - 20): m.end() + 20]), decoded))
        if decoded and depth < 2:
            for sub in scan_text(path, decoded, depth + 1):
                sub.line = line_of(text, m.start())
                sub.rule += "(in-hidden)"
                found.append(sub)
    for m in B64_RE.finditer(text):
        if DATA_URI_RE.search(text[max(0, m.start() - 40): m.start()]):
            continue
        try:
            raw = base64.b64decode(m.group(0), validate=True)
            dec = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        printable = sum(ch.isprintable() or ch in "\n\t" for ch in dec) / max(1, len(dec))
        if printable < 0.9:
            continue
        sub = scan_text(path, dec, depth + 1) if depth < 2 else []
        sev = "high" if sub else "medium"
        found.append(Finding(path, line_of(text, m.start()), "PI-B64", sev, visible(m.group(0), 60), visible(dec, 200)))
        for s in sub:
            s.line = line_of(text, m.start())
            s.rule += "(in-base64)"
            found.append(s)
    return found


def iter_files(roots: list[str], excludes: list[str], allow: set[str]):
    for root in roots:
        p = Path(root)
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        for f in files:
            rel = str(f)
            if any(fnmatch.fnmatch(rel, pat) for pat in excludes) or rel in allow:
                continue
            if p.is_file() or f.suffix.lower() in TEXT_EXT:
                yield f


def strip_hidden(text: str) -> str:
    return HIDDEN_RE.sub("", text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--min-severity", choices=list(SEV_ORDER), default="low")
    ap.add_argument("--fail-on", choices=list(SEV_ORDER))
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--max-bytes", type=int, default=2_000_000)
    ap.add_argument("--strip-hidden", action="store_true", help="print the single input file with hidden Unicode removed")
    args = ap.parse_args()

    if args.strip_hidden:
        if len(args.paths) != 1 or not os.path.isfile(args.paths[0]):
            ap.error("--strip-hidden takes exactly one file")
        sys.stdout.write(strip_hidden(Path(args.paths[0]).read_text(encoding="utf-8", errors="replace")))
        return 0

    allow = set()
    if os.path.exists(".injection-allow"):
        allow = {l.strip() for l in open(".injection-allow", encoding="utf-8") if l.strip() and not l.startswith("#")}

    findings: list[Finding] = []
    for f in iter_files(args.paths, args.exclude, allow):
        data = f.read_bytes()[: args.max_bytes]
        findings.extend(scan_text(str(f), data.decode("utf-8", errors="replace")))

    floor = SEV_ORDER[args.min_severity]
    findings = [x for x in findings if SEV_ORDER[x.severity] >= floor]
    findings.sort(key=lambda x: (-SEV_ORDER[x.severity], x.path, x.line))

    if args.format == "json":
        json.dump([asdict(x) for x in findings], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for x in findings:
            extra = f"  (decoded: {x.decoded})" if x.decoded else ""
            print(f"{x.path}:{x.line}\t{x.rule}\t{x.severity}\t{x.excerpt}{extra}")
        print(f"\n{len(findings)} finding(s)", file=sys.stderr)

    if args.fail_on and any(SEV_ORDER[x.severity] >= SEV_ORDER[args.fail_on] for x in findings):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
