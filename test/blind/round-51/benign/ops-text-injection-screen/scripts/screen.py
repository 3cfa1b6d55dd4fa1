#!/usr/bin/env python3
"""Flag agent-directed instructions and hidden characters in untrusted ops text."""
import argparse
import base64
import binascii
import json
import re
import sys
import unicodedata

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

RULES = [
    ("HIGH", "override", r"\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instruction|guidance|rules|prompt)s?"),
    ("HIGH", "override", r"\b(new|updated) instructions\b|\byou are now\b"),
    ("HIGH", "tool-directive", r"\b(run|execute|curl|wget|select \*|cat|read|open|post|upload|commit|push)\b.{0,60}\b(token|secret|key|password|\.env|ssh|kubeconfig|admin\.conf|credentials|table)\b"),
    ("HIGH", "secret-request", r"\b(include|paste|share|send|attach|print|reply with)\b.{0,40}\b(api[ _-]?key|token|secret|password|private key|env(ironment)? (vars|variables)|\.env)\b"),
    ("MED", "concealment", r"\b(do not|don't|never)\b.{0,20}\b(tell|mention|inform|notify|show)\b.{0,20}\b(user|anyone|summary)\b|\b(silently|quietly|secretly)\b"),
    ("LOW", "role-claim", r"\[(system|developer|admin)\]|\bas (the )?(system|admin(istrator)?|developer|anthropic|openai)\b|\bauthori[sz]ed you\b"),
    ("LOW", "agent-address", r"\b(ai|assistant|agent|llm|copilot|claude|chatgpt)\b.{0,30}\b(should|must|please|needs? to)\b"),
]
RULES = [(s, c, re.compile(p, re.I | re.S)) for s, c, p in RULES]
LINK = re.compile(r"!?\[[^\]]*\]\((https?://[^)\s]+)\)")
B64 = re.compile(r"[A-Za-z0-9+/]{24,}={0,2}")
HEX = re.compile(r"\b(?:[0-9a-fA-F]{2}){16,}\b")


def excerpt(text, m, width=50):
    s = max(0, m.start() - 10)
    return "…" + text[s:m.end() + width][:110].replace("\n", " ") + "…"


def hidden(text):
    hits = []
    tags = [(i, ch) for i, ch in enumerate(text) if 0xE0000 <= ord(ch) <= 0xE007F]
    if tags:
        decoded = "".join(chr(ord(c) - 0xE0000) for _, c in tags if 0xE0020 <= ord(c) <= 0xE007E)
        hits.append(("MED", "hidden-unicode", f"{len(tags)} tag chars at offset {tags[0][0]}, decodes to: {decoded!r}"))
    bidi = [i for i, ch in enumerate(text) if ord(ch) in BIDI]
    if bidi:
        hits.append(("MED", "hidden-unicode", f"{len(bidi)} bidi control chars, first at offset {bidi[0]}"))
    zw = sum(1 for ch in text if ord(ch) in ZW)
    if zw:
        hits.append(("LOW", "hidden-unicode", f"{zw} zero-width chars"))
    return hits


def decode_blobs(text):
    out = []
    for m in B64.finditer(text):
        try:
            out.append(base64.b64decode(m.group(0) + "==", validate=False).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError):
            pass
    for m in HEX.finditer(text):
        try:
            out.append(bytes.fromhex(m.group(0)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            pass
    return [d for d in out if d.isprintable()]


def screen(text):
    hits = hidden(text)
    norm = unicodedata.normalize("NFKC", text).translate(ZW)
    norm = "".join(ch for ch in norm if not (0xE0000 <= ord(ch) <= 0xE007F))
    for sev, cat, rx in RULES:
        for m in rx.finditer(norm):
            hits.append((sev, cat, excerpt(norm, m)))
    for m in LINK.finditer(norm):
        url = m.group(1)
        if "?" in url or re.search(r"/[A-Za-z0-9_-]{40,}", url):
            hits.append(("MED", "exfil-link", m.group(0)[:120]))
    for d in decode_blobs(norm):
        for sev, cat, rx in RULES[:4]:
            if rx.search(d):
                hits.append(("MED", "encoded-blob", f"decodes to: {d[:100]!r}"))
                break
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file")
    ap.add_argument("--jsonl")
    ap.add_argument("--field", default="line")
    a = ap.parse_args()

    items = []
    if a.jsonl:
        with open(a.jsonl) as fh:
            for n, line in enumerate(fh, 1):
                try:
                    items.append((f"{a.jsonl}:{n}", str(json.loads(line).get(a.field, ""))))
                except json.JSONDecodeError:
                    items.append((f"{a.jsonl}:{n}", line))
    elif a.file:
        with open(a.file, encoding="utf-8", errors="replace") as fh:
            items.append((a.file, fh.read()))
    else:
        items.append(("stdin", sys.stdin.read()))

    worst = 0
    rank = {"HIGH": 2, "MED": 1, "LOW": 0}
    for src, text in items:
        for sev, cat, ex in screen(text):
            worst = max(worst, rank[sev])
            print(f"[{sev:<4}] {cat:<15} {src}  {ex}")
    sys.exit(1 if worst >= 1 else 0)


if __name__ == "__main__":
    main()
