#!/usr/bin/env python3
"""Heuristic scanner for prompt-injection signals in untrusted text."""
import argparse
import json
import os
import re
import sys

SIGNALS = {
    "override-phrase": re.compile(
        r"(?i)\b(ignore|disregard|forget)\b.{0,20}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompt)"
        r"|\bnew system prompt\b|\byou are now\b|\bfrom now on,? you\b"),
    "role-spoof": re.compile(r"(?im)^\s*(system|assistant)\s*:|<\|im_start\|>|^###\s*(instruction|system)"),
    "exfil-request": re.compile(
        r"(?i)(include|append|send|post|embed|put)\b.{0,40}\b(api[_ ]?key|token|secret|password|env(ironment)?|conversation|system prompt|\.ssh|credentials)"
        r".{0,60}\b(url|link|image|query|commit|issue|comment|email|gist|webhook)"),
    "concealment": re.compile(r"(?i)(do not|don't|never)\s+(tell|mention|inform|alert|show)\b.{0,30}\buser|\bsilently\b|\bwithout (telling|mentioning)"),
    "remote-instructions": re.compile(r"(?i)(fetch|download|retrieve|load)\b.{0,30}\b(latest|updated|new)?\s*instructions\b.{0,30}https?://"),
    "encoded-blob": re.compile(r"(?i)(decode|base64|rot13|hex)\b.{0,40}\b(follow|execute|run|obey)"),
    "hidden-markup": re.compile(r"(?is)<!--.*?-->|display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b"),
}
INVISIBLE = re.compile("[\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]|[\U000E0000-\U000E007F]")


def reveal(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if 0xE0000 <= cp <= 0xE007F:
            out.append(chr(cp - 0xE0000) if 0x20 <= cp - 0xE0000 < 0x7F else "")
    return "".join(out)


def scan(text, name, do_reveal=False):
    hits = []
    for label, rx in SIGNALS.items():
        for m in rx.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            hits.append({"file": name, "line": line, "signal": label, "excerpt": m.group(0)[:120]})
    for m in INVISIBLE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        hits.append({"file": name, "line": line, "signal": "invisible-unicode", "excerpt": f"U+{ord(m.group(0)):04X}"})
    if do_reveal:
        hidden = reveal(text)
        if hidden:
            hits.append({"file": name, "line": 0, "signal": "tag-text", "excerpt": hidden[:500]})
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?")
    ap.add_argument("--dir")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reveal", action="store_true")
    a = ap.parse_args()
    files = []
    if a.dir:
        for dp, _, fns in os.walk(a.dir):
            files += [os.path.join(dp, f) for f in fns]
    elif a.path:
        files = [a.path]
    else:
        sys.exit("give a file or --dir")
    hits = []
    for f in files:
        try:
            hits += scan(open(f, encoding="utf-8", errors="replace").read(), f, a.reveal)
        except OSError:
            pass
    if a.json:
        json.dump(hits, sys.stdout, indent=2, ensure_ascii=False)
    else:
        for h in hits:
            print(f"{h['file']}:{h['line']}: {h['signal']}: {h['excerpt']!r}")
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()
