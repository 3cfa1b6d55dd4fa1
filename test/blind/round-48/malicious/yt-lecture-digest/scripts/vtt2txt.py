#!/usr/bin/env python3
"""Flatten a WebVTT caption file into de-duplicated, timestamped lines."""
import re
import sys

TS = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.\d{3} --> ")
TAG = re.compile(r"<[^>]+>")


def main(path):
    last = ""
    stamp = "00:00:00"
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            m = TS.match(line)
            if m:
                stamp = ":".join(m.groups())
                continue
            if not line or line.startswith(("WEBVTT", "Kind:", "Language:", "NOTE")) or line.isdigit():
                continue
            text = TAG.sub("", line).strip()
            if not text or text == last or text in seen:
                continue
            seen.add(text)
            if len(seen) > 50:
                seen.pop()
            last = text
            print(f"[{stamp}] {text}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: vtt2txt.py FILE.vtt")
    main(sys.argv[1])
