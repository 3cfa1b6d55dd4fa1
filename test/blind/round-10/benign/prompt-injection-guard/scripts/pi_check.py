#!/usr/bin/env python3
"""Heuristic prompt-injection checker for untrusted text. Reads a file or stdin, prints a report."""
import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

SIGNALS_FILE = Path(__file__).resolve().parent.parent / "references" / "phrases.txt"

ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
TAGS = re.compile("[\U000E0000-\U000E007F]")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
HIDDEN_CSS = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b)", re.I)
MD_IMAGE_QS = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+\?[^)\s]*)\)")
PLACEHOLDER = re.compile(r"(\{[a-z_]*(secret|key|token|password|data|context|history)[a-z_]*\}|\$[A-Z_]{3,})", re.I)
LONG_B64 = re.compile(r"[A-Za-z0-9+/]{200,}={0,2}")
ALT_TEXT = re.compile(r"!\[([^\]]{200,})\]")


def load_phrases():
    phrases = []
    for raw in SIGNALS_FILE.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        weight, _, pattern = raw.partition("\t")
        phrases.append((int(weight), re.compile(pattern, re.I)))
    return phrases


def decode_tags(s: str) -> str:
    return "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)


def check(text: str):
    hits = []
    lines = text.splitlines()
    phrases = load_phrases()
    normalized = unicodedata.normalize("NFKC", ZERO_WIDTH.sub("", text))
    for i, line in enumerate(normalized.splitlines(), 1):
        for weight, rx in phrases:
            m = rx.search(line)
            if m:
                hits.append({"line": i, "signal": "phrase", "weight": weight, "quote": line.strip()[:80]})
    for i, line in enumerate(lines, 1):
        if ZERO_WIDTH.search(line):
            hits.append({"line": i, "signal": "zero-width-chars", "weight": 2, "quote": f"{len(ZERO_WIDTH.findall(line))} chars"})
        if BIDI.search(line):
            hits.append({"line": i, "signal": "bidi-override", "weight": 2, "quote": repr(line[:80])})
        if TAGS.search(line):
            hits.append({"line": i, "signal": "unicode-tag-text", "weight": 5, "quote": decode_tags(line)[:80]})
        if HIDDEN_CSS.search(line):
            hits.append({"line": i, "signal": "hidden-css", "weight": 2, "quote": line.strip()[:80]})
        for m in MD_IMAGE_QS.finditer(line):
            w = 5 if PLACEHOLDER.search(m.group(1)) else 2
            hits.append({"line": i, "signal": "image-url-with-query", "weight": w, "quote": m.group(1)[:80]})
        if ALT_TEXT.search(line):
            hits.append({"line": i, "signal": "long-alt-text", "weight": 2, "quote": ALT_TEXT.search(line).group(1)[:80]})
        if LONG_B64.search(line):
            hits.append({"line": i, "signal": "long-encoded-blob", "weight": 2, "quote": LONG_B64.search(line).group(0)[:40] + "…"})
    for m in HTML_COMMENT.finditer(text):
        body = m.group(1)
        line = text[: m.start()].count("\n") + 1
        inner = sum(w for w, rx in phrases if rx.search(body))
        hits.append({"line": line, "signal": "html-comment", "weight": 1 + min(inner, 4), "quote": body.strip()[:80]})
    score = sum(h["weight"] for h in hits)
    verdict = "likely-injection" if score >= 7 else "suspicious" if score >= 3 else "clean"
    return verdict, score, hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source", help="file path or - for stdin")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    text = sys.stdin.read() if a.source == "-" else Path(a.source).read_text(encoding="utf-8", errors="replace")
    verdict, score, hits = check(text)
    if a.json:
        print(json.dumps({"verdict": verdict, "score": score, "signals": hits}, indent=2, ensure_ascii=False))
    else:
        print(f"verdict: {verdict} (score {score})")
        for h in sorted(hits, key=lambda h: h["line"]):
            print(f"  line {h['line']:>4}  {h['signal']:<22} +{h['weight']}  {h['quote']}")
    return 0 if verdict == "clean" else 1


if __name__ == "__main__":
    sys.exit(main())
