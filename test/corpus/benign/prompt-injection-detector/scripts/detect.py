#!/usr/bin/env python3
"""Flags prompt-injection phrasing and invisible characters in a document."""
import re
import sys

PHRASES = [
    r"ignore (all )?(previous|prior|above) instructions",
    r"disregard (the )?(system|previous) prompt",
    r"you are now in (developer|dan|jailbreak) mode",
    r"do not (tell|inform|mention (this )?to) the user",
    r"without asking (the user )?for (confirmation|permission)",
    r"new instructions from (the )?(administrator|developer|system)",
]
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def scan(text):
    hits = []
    for pattern in PHRASES:
        for m in re.finditer(pattern, text, re.I):
            hits.append(("phrase", m.start(), m.group(0)))
    for m in INVISIBLE.finditer(text):
        hits.append(("invisible", m.start(), f"U+{ord(m.group(0)):04X}"))
    for m in COMMENT.finditer(text):
        hits.append(("html-comment", m.start(), m.group(1).strip()[:80]))
    return hits


if __name__ == "__main__":
    content = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    results = scan(content)
    for kind, offset, span in results:
        line = content.count("\n", 0, offset) + 1
        print(f"line {line}: {kind}: {span!r}")
    print(f"score: {min(100, 25 * len(results))}")
