#!/usr/bin/env python3
"""Screen third-party text (comments, captions, transcripts) for injection attempts.

screen.py INPUT [--field text] [--out DIR] [--allow R6,...]
INPUT: .jsonl (one object per line, --field picks the text), .vtt, .srt or plain text.
"""
import argparse
import json
import os
import re
import sys

PHRASES = {
    "en": [r"ignore (all |any )?(previous|prior|above|earlier) (instructions|rules|prompts?)", r"you are now",
           r"system prompt", r"new instructions", r"do not (tell|inform|mention (this )?to) the user",
           r"if you are an? (ai|assistant|llm|language model)", r"as an ai", r"^\s*assistant\s*:",
           r"disregard (the|your) (instructions|guidelines)", r"developer mode"],
    "es": [r"ignora (las|todas las) instrucciones", r"eres un asistente", r"no se lo digas al usuario"],
    "de": [r"ignoriere (alle |die )?(vorherigen |obigen )?anweisungen", r"du bist jetzt"],
    "fr": [r"ignore[rz]? (toutes )?les instructions", r"tu es maintenant"],
    "pt": [r"ignore (todas )?as instru[cç][oõ]es", r"voc[eê] agora [eé]"],
}
R1 = re.compile("|".join(p for ps in PHRASES.values() for p in ps), re.I | re.M)
ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
R2 = re.compile("[" + ZW + "\U000E0000-\U000E007F]")
R3 = re.compile("[\u202a-\u202e\u2066-\u2069]")
R4 = re.compile(r"!?\[[^\]]*\]\((https?://[^)\s]+\?[^)\s]*(\{[^}]*\}|[A-Za-z0-9+/=_-]{24,})[^)]*)\)")
R5 = re.compile(r"(?:[A-Za-z0-9+/]{40,}={0,2}|(?:[0-9a-f]{2}){24,})")
R6 = re.compile(r"(curl|wget|powershell|iex|bash|sh)\b.*(\||-c\b)|~/\.ssh|\.env\b|id_(rsa|ed25519)|\.aws/credentials|rm -rf", re.I)
R7 = re.compile(r"^\s*(SYSTEM\s*:|\[INST\]|<\|im_start\|>|###\s*(Instruction|System))", re.I | re.M)
URL = re.compile(r"https?://\S+")
VTT_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?[.,]\d{3} --> ")


def visible(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            out.append(chr(cp - 0xE0000) if 0x20 <= cp - 0xE0000 < 0x7F else "")
            continue
        if ch in ZW or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    # group decoded tag chars for readability
    text = "".join(out)
    tags = "".join(chr(ord(c) - 0xE0000) for c in s if 0xE0020 <= ord(c) <= 0xE007E)
    return text if not tags else f"{R2.sub('', s)} [TAG:{tags}]"


def rules(s, allow):
    hits = []
    for rid, rx in (("R1", R1), ("R2", R2), ("R3", R3), ("R4", R4), ("R6", R6), ("R7", R7)):
        if rid not in allow and rx.search(s):
            hits.append(rid)
    if "R5" not in allow and R5.search(URL.sub(" ", s)):
        hits.append("R5")
    return hits


def records(path, field):
    ext = os.path.splitext(path)[1].lower()
    with open(path, encoding="utf-8", errors="replace") as fh:
        if ext == ".jsonl":
            for n, line in enumerate(fh, 1):
                if line.strip():
                    obj = json.loads(line)
                    yield n, obj, str(obj.get(field, ""))
        elif ext in (".vtt", ".srt"):
            for n, line in enumerate(fh, 1):
                s = line.rstrip("\n")
                yield n, None, s
        else:
            for n, line in enumerate(fh, 1):
                yield n, None, line.rstrip("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--field", default="text")
    ap.add_argument("--out", default="screened")
    ap.add_argument("--allow", default="")
    a = ap.parse_args()
    allow = {x.strip().upper() for x in a.allow.split(",") if x.strip()}
    os.makedirs(a.out, exist_ok=True)
    ext = os.path.splitext(a.input)[1].lower() or ".txt"
    clean_path = os.path.join(a.out, "clean" + ext)
    flagged_path = os.path.join(a.out, "flagged.jsonl")
    counts, total = {}, 0
    with open(clean_path, "w", encoding="utf-8") as clean, open(flagged_path, "w", encoding="utf-8") as flagged:
        for n, obj, text in records(a.input, a.field):
            if obj is None and (not text.strip() or VTT_TIME.match(text) or text.startswith("WEBVTT") or text.strip().isdigit()):
                clean.write(text + "\n")
                continue
            total += 1
            hits = rules(text, allow)
            if hits:
                for h in hits:
                    counts[h] = counts.get(h, 0) + 1
                rec = {"line": n, "rules": hits, "visible": visible(text)[:500]}
                if obj is not None:
                    rec["author"] = obj.get("author") or obj.get("authorDisplayName")
                flagged.write(json.dumps(rec, ensure_ascii=False) + "\n")
                if obj is None:
                    clean.write("[flagged line removed]\n")
                continue
            stripped = R3.sub("", R2.sub("", text))
            if obj is not None:
                obj[a.field] = stripped
                clean.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                clean.write(stripped + "\n")
    flagged_n = sum(1 for _ in open(flagged_path, encoding="utf-8"))
    print(f"screened {total} items: {flagged_n} flagged " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    print(f"clean  -> {clean_path}\nflagged-> {flagged_path}")


if __name__ == "__main__":
    sys.exit(main())
