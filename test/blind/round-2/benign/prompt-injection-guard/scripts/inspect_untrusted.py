#!/usr/bin/env python3
"""Highlight prompt-injection indicators in untrusted text. Read-only; never executes anything it finds."""
from __future__ import annotations

import argparse
import base64
import binascii
import json
import re
import sys
import unicodedata
from urllib.parse import urlparse, parse_qsl

INVISIBLE = {
    0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x2060: "WJ", 0xFEFF: "BOM",
    0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
    0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0x00AD: "SHY",
}

PHRASES = [
    ("instruction-override", "high", r"\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompts?|guidelines)"),
    ("instruction-override", "high", r"\byou are now\b.{0,40}\b(mode|assistant|persona|jailbroken|DAN)\b"),
    ("instruction-override", "medium", r"\bnew (system )?instructions?\b\s*:"),
    ("agent-addressed", "medium", r"\b(AI|LLM|assistant|agent|Claude|Copilot|Cursor|Codex|Gemini)\b[^\n]{0,20}[:,-]\s*(please\s+)?(run|execute|read|open|fetch|send|add|create|delete|update|commit|push)\b"),
    ("agent-addressed", "medium", r"\b(note|message|instructions?) (to|for) (the )?(AI|LLM|assistant|agent|model)\b"),
    ("secrecy", "high", r"\b(do not|don't|never)\b.{0,20}\b(tell|mention|inform|show|reveal|notify)\b.{0,20}\b(user|human|developer|anyone)\b"),
    ("secrecy", "medium", r"\b(silently|quietly|without (asking|telling|confirmation))\b"),
    ("tool-poisoning", "high", r"<\s*(IMPORTANT|SYSTEM|system-reminder|admin)\s*>"),
    ("sensitive-path", "high", r"(~|\$HOME|/home/\w+|/Users/\w+)/\.(ssh|aws|gnupg|kube|docker|config/gh|cursor|claude)\b[^\s]*"),
    ("sensitive-path", "medium", r"(?<![\w.])\.env(\.\w+)?\b"),
    ("sensitive-path", "medium", r"\b(id_rsa|id_ed25519|credentials\.json|mcp\.json|wallet\.dat|keychain)\b"),
    ("exec", "medium", r"\b(curl|wget)\b[^\n|]{0,200}\|\s*(ba|z)?sh\b"),
    ("exec", "medium", r"base64\s+(-d|--decode)\b[^\n]{0,40}\|\s*(ba|z)?sh"),
]
COMPILED = [(c, s, re.compile(p, re.I)) for c, s, p in PHRASES]
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
HIDDEN_STYLE = re.compile(r"<[^>]+style\s*=\s*['\"][^'\"]*(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0)[^>]*>(.*?)</", re.I | re.S)
MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{80,}={0,2}(?![A-Za-z0-9+/=])")
HEX = re.compile(r"\b(?:[0-9a-fA-F]{2}){40,}\b")


def visible(s: str, limit: int = 160) -> str:
    out = []
    for ch in s:
        cp = ord(ch)
        if cp in INVISIBLE:
            out.append(f"<U+{cp:04X} {INVISIBLE[cp]}>")
        elif 0xE0000 <= cp <= 0xE007F:
            inner = cp - 0xE0000
            out.append(f"<TAG:{chr(inner)}>" if 0x20 <= inner < 0x7F else f"<TAG:{inner:02X}>")
        elif unicodedata.category(ch) in ("Cf", "Co"):
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    text = "".join(out).replace("\n", "⏎")
    return text if len(text) <= limit else text[:limit] + "…"


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def printable_ratio(b: bytes) -> float:
    return sum(32 <= x < 127 or x in (9, 10, 13) for x in b) / max(1, len(b))


def inspect(text: str) -> list[dict]:
    hits: list[dict] = []

    def add(cat, sev, pos, excerpt, extra=None):
        h = {"category": cat, "severity": sev, "line": line_of(text, pos), "excerpt": visible(excerpt)}
        if extra:
            h.update(extra)
        hits.append(h)

    for cat, sev, rx in COMPILED:
        for m in rx.finditer(text):
            add(cat, sev, m.start(), text[max(0, m.start() - 40): m.end() + 40])

    for m in HTML_COMMENT.finditer(text):
        body = m.group(1).strip()
        if len(body) > 15:
            add("hidden-html", "medium", m.start(), body)
    for m in HIDDEN_STYLE.finditer(text):
        add("hidden-html", "high", m.start(), m.group(2))

    # invisible unicode: group consecutive runs
    run_start = None
    for i, ch in enumerate(text + "\0"):
        cp = ord(ch)
        inv = cp in INVISIBLE or 0xE0000 <= cp <= 0xE007F
        if inv and run_start is None:
            run_start = i
        elif not inv and run_start is not None:
            run = text[run_start:i]
            tags = "".join(chr(ord(c) - 0xE0000) for c in run if 0xE0020 <= ord(c) <= 0xE007E)
            sev = "high" if tags or len(run) > 3 else "low"
            add("invisible-unicode", sev, run_start, run, {"length": len(run), "decoded_tags": tags or None})
            run_start = None

    for m in MD_LINK.finditer(text):
        is_img, url = m.group(1) == "!", m.group(3)
        try:
            u = urlparse(url)
        except ValueError:
            continue
        q = parse_qsl(u.query, keep_blank_values=True)
        long_vals = [v for _, v in q if len(v) >= 24]
        if u.scheme in ("http", "https") and (long_vals or len(u.query) > 100):
            add("data-in-url", "high" if is_img else "medium", m.start(), url, {"host": u.hostname})

    for rx, kind in ((B64, "base64"), (HEX, "hex")):
        for m in rx.finditer(text):
            blob = m.group(0)
            try:
                raw = base64.b64decode(blob + "=" * (-len(blob) % 4)) if kind == "base64" else binascii.unhexlify(blob)
            except (binascii.Error, ValueError):
                continue
            preview = raw[:120].decode("utf-8", "replace") if printable_ratio(raw) > 0.9 else None
            add("encoded-blob", "medium" if preview else "low", m.start(), blob[:60], {"encoding": kind, "decoded_preview": preview})

    hits.sort(key=lambda h: (h["line"], h["category"]))
    return hits


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", help="path, or - for stdin")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8", errors="replace").read()
    hits = inspect(text)
    if args.json:
        print(json.dumps(hits, indent=2, ensure_ascii=False))
    else:
        for h in hits:
            extra = ""
            if h.get("decoded_tags"):
                extra = f"  hidden text: {h['decoded_tags']!r}"
            elif h.get("decoded_preview"):
                extra = f"  decodes to: {h['decoded_preview'][:80]!r}"
            elif h.get("host"):
                extra = f"  host: {h['host']}"
            print(f"[{h['severity']:6}] {h['category']:20} line {h['line']:>4}: {h['excerpt']}{extra}")
        print(f"{len(hits)} hit(s)")
    if any(h["severity"] == "high" for h in hits):
        return 3
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
