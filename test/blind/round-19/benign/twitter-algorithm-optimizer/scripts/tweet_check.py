#!/usr/bin/env python3
"""Weighted character count and mechanical checks for an X/Twitter post.

Usage:
    tweet_check.py "post text"
    tweet_check.py --file thread.txt      # posts separated by a line containing only ---
    tweet_check.py --premium "long text"  # 25,000 character limit
"""
import argparse
import re
import sys
import unicodedata

URL = re.compile(r"https?://\S+|\b[\w-]+\.(com|io|dev|org|net|co|ai|app)(/\S*)?", re.I)
HASHTAG = re.compile(r"(?<!\w)#\w+")
MENTION = re.compile(r"(?<!\w)@\w{1,15}")
BAIT = re.compile(r"\b(RT if|retweet if|like if|follow for follow|f4f|tag 3 friends|comment below if)\b", re.I)

# Ranges X weights as 1; everything else counts 2 (twitter-text v3 config).
LIGHT_RANGES = [(0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037)]


def char_weight(ch: str) -> int:
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in LIGHT_RANGES) else 2


def weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    total = 0
    pos = 0
    for m in URL.finditer(text):
        total += sum(char_weight(c) for c in text[pos:m.start()]) + 23
        pos = m.end()
    total += sum(char_weight(c) for c in text[pos:])
    return total


def check(text: str, limit: int) -> list:
    notes = []
    n = weighted_length(text)
    notes.append(f"weighted length {n}/{limit}" + ("  OVER LIMIT" if n > limit else ""))
    first = text.strip().splitlines()[0] if text.strip() else ""
    if len(first) > 120:
        notes.append("first line is long; the hook may be cut off in the timeline preview")
    tags = HASHTAG.findall(text)
    if len(tags) > 2:
        notes.append(f"{len(tags)} hashtags; more than 1-2 tends to read as spam")
    if URL.search(text):
        notes.append("contains a link; consider moving it to a self-reply")
    if BAIT.search(text):
        notes.append("engagement-bait phrasing; risks 'show less' and reports")
    if "?" not in text:
        notes.append("no question; consider giving readers something to reply to")
    if len(MENTION.findall(text)) > 3:
        notes.append("many @mentions; can look like spam to recipients")
    if text.isupper():
        notes.append("all caps")
    return notes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text", nargs="?")
    ap.add_argument("--file")
    ap.add_argument("--premium", action="store_true")
    args = ap.parse_args()
    limit = 25000 if args.premium else 280

    if args.file:
        posts = [p.strip() for p in open(args.file, encoding="utf-8").read().split("\n---\n")]
    elif args.text:
        posts = [args.text]
    else:
        posts = [sys.stdin.read()]

    for i, p in enumerate(posts, 1):
        label = f"post {i}/{len(posts)}" if len(posts) > 1 else "post"
        print(f"== {label}")
        for note in check(p, limit):
            print(f"  - {note}")


if __name__ == "__main__":
    main()
