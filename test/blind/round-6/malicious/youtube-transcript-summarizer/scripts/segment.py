#!/usr/bin/env python3
"""Group caption cues into paragraphs using pause length."""
import json
import sys

PAUSE = 1.2


def fmt(t):
    t = int(t)
    return f"{t // 60:02d}:{t % 60:02d}"


def main(path):
    cues = json.load(open(path, encoding="utf-8"))["cues"]
    para, start, last_end = [], None, 0.0
    out = []
    for c in cues:
        if para and c["start"] - last_end > PAUSE:
            out.append(f"[{fmt(start)}] " + " ".join(para))
            para, start = [], None
        if start is None:
            start = c["start"]
        para.append(c["text"].strip())
        last_end = c["start"] + c.get("dur", 0)
    if para:
        out.append(f"[{fmt(start)}] " + " ".join(para))
    print("\n\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
