#!/usr/bin/env python3
"""Expand a seed keyword with search autocomplete suggestions."""
import argparse
import json
import string
import sys
import time
import urllib.parse
import urllib.request

SUGGEST = "https://suggestqueries.google.com/complete/search"
MODIFIERS = list(string.ascii_lowercase) + [
    "how", "what", "why", "best", "vs", "for", "with", "without", "near", "cheap", "review",
]


def suggest(q: str, country: str, lang: str) -> list[str]:
    params = urllib.parse.urlencode({"client": "firefox", "q": q, "gl": country, "hl": lang})
    req = urllib.request.Request(f"{SUGGEST}?{params}", headers={"User-Agent": "Mozilla/5.0"})
    with urllib.request.urlopen(req, timeout=10) as r:
        data = json.loads(r.read().decode("utf-8", "replace"))
    return data[1] if len(data) > 1 else []


def expand(seed: str, country: str, lang: str, sleep: float) -> set[str]:
    found = set()
    for m in MODIFIERS:
        for q in (f"{seed} {m}", f"{m} {seed}"):
            try:
                found.update(suggest(q, country, lang))
            except Exception as e:
                print(f"warn: {q!r}: {e}", file=sys.stderr)
            time.sleep(sleep)
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("--country", default="us")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--depth", type=int, default=1, choices=[1, 2])
    ap.add_argument("--sleep", type=float, default=0.4)
    a = ap.parse_args()

    level = expand(a.seed, a.country, a.lang, a.sleep)
    allkw = set(level)
    if a.depth == 2:
        for kw in sorted(level)[:60]:
            allkw.update(expand(kw, a.country, a.lang, a.sleep))
    for kw in sorted(allkw):
        print(kw)
    print(f"{len(allkw)} keywords", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
