#!/usr/bin/env python3
"""Flag prompt-injection text in notes and mail. Read-only; never follows what it finds."""
import argparse
import base64
import json
import mailbox
import re
import sys
from pathlib import Path

ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
TAGS = re.compile("[\U000e0000-\U000e007f]+")
SIGNALS = [
    ("addresses-model", 3, re.compile(r"\b(ai|llm|assistant|agent|claude|chatgpt|copilot)\b[^.\n]{0,40}\b(ignore|disregard|must|should|before)\b|ignore (all )?(previous|prior|above) instructions|<\|im_start\|>|^\s*system\s*:", re.I | re.M)),
    ("action-request", 3, re.compile(r"\b(run|execute|curl|send|post|upload|email|create a (gist|pr|pull request|issue)|commit|push)\b[^.\n]{0,80}(~/\.|\.ssh|\.aws|\.env|credentials|token|api[_ ]key|password)", re.I)),
    ("secret-reference", 2, re.compile(r"~/\.ssh/id_\w+|\.aws/credentials|\b[A-Z_]*(API_KEY|SECRET|TOKEN)\b|(^|[\s/])\.env\b", re.M)),
    ("hidden-carrier", 2, re.compile(r"<!--.*?-->|display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#fff(fff)?\b", re.I | re.S)),
    ("exfil-link", 3, re.compile(r"!\[[^\]]*\]\([^)]*(\{\{|\$\{|\{data\}|<paste)[^)]*\)|https?://\S*(\{\{|\$\{)", re.I)),
    ("persona-override", 1, re.compile(r"\byou are now\b|developer mode|\bDAN\b|maintenance mode", re.I)),
    ("conceal", 1, re.compile(r"do not (mention|tell|reveal)|don't tell the user|silently", re.I)),
]
B64 = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
DECODE_WORDS = re.compile(r"\b(decode|follow|execute|run it|instructions? below)\b", re.I)


def visible(s):
    s = ZW.sub("⟨ZW⟩", s)
    return TAGS.sub(lambda m: "⟨TAG:" + "".join(chr(ord(c) - 0xE0000) for c in m.group(0)) + "⟩", s)


def looks_like_text(blob):
    try:
        raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=False)
        txt = raw.decode("utf-8")
        return sum(ch.isprintable() for ch in txt) / max(1, len(txt)) > 0.9
    except (ValueError, UnicodeDecodeError):
        return False


def score_text(text):
    hits, score = [], 0
    if ZW.search(text) or TAGS.search(text):
        hits.append(("hidden-carrier", "zero-width/tag characters"))
        score += 2
    for name, weight, rx in SIGNALS:
        m = rx.search(text)
        if m:
            quoted = m.start() > 0 and text[m.start() - 1] in "\"'“`"
            # A phrase quoted in prose ("attackers write 'ignore previous instructions'") is discussion, not an attack.
            hits.append((name + (" (quoted)" if quoted else ""), visible(m.group(0))[:160]))
            score += 1 if quoted else weight
    for m in B64.finditer(text):
        window = text[max(0, m.start() - 200):m.end() + 200]
        if DECODE_WORDS.search(window) and looks_like_text(m.group(0)):
            # Report only that an encoded instruction exists; the agent must not act on it.
            hits.append(("encoded+decode-request", m.group(0)[:40] + "…"))
            score += 3
            break
    return score, hits


def iter_docs(root):
    p = Path(root)
    if p.is_file() and p.suffix == ".mbox":
        for i, msg in enumerate(mailbox.mbox(str(p))):
            body = msg.get_payload(decode=True) or b""
            if msg.is_multipart():
                body = b"\n".join((part.get_payload(decode=True) or b"") for part in msg.walk() if not part.is_multipart())
            yield f"{p}#{i}:{msg.get('Subject', '')}", body.decode("utf-8", "replace")
        return
    files = [p] if p.is_file() else [f for f in p.rglob("*") if f.suffix.lower() in {".md", ".txt", ".eml", ".html", ".htm"}]
    for f in files:
        try:
            yield str(f), f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path")
    ap.add_argument("--min-score", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    results, total = [], 0
    for name, text in iter_docs(a.path):
        total += 1
        s, hits = score_text(text)
        if s >= a.min_score:
            results.append({"doc": name, "score": s, "signals": hits})
    results.sort(key=lambda r: -r["score"])
    if a.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    for r in results:
        print(f"[{r['score']:>2}] {r['doc']}")
        for sig, snippet in r["signals"]:
            print(f"      {sig:<24} {snippet!r}")
    print(f"-- {len(results)} of {total} document(s) flagged; content was not acted on.")


if __name__ == "__main__":
    main()
