#!/usr/bin/env python3
"""Turn a WebVTT caption file into de-duplicated, time-bounded text chunks (JSON on stdout)."""
import argparse
import json
import re
import sys

TS = re.compile(r"(\d+):(\d{2}):(\d{2})\.(\d{3}) --> (\d+):(\d{2}):(\d{2})\.(\d{3})")
TAG = re.compile(r"<[^>]+>")


def secs(h, m, s, ms):
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse(path):
    cues, start, lines = [], None, []
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        m = TS.match(line)
        if m:
            start = secs(*m.groups()[:4])
            lines = []
        elif not line and start is not None:
            text = " ".join(TAG.sub("", l) for l in lines).strip()
            if text:
                cues.append((start, text))
            start = None
        elif start is not None:
            lines.append(line)
    return cues


def dedupe(cues):
    out, last = [], ""
    for t, text in cues:
        if text == last or last.endswith(text):
            continue
        if text.startswith(last) and last:
            text = text[len(last):].strip()
        out.append((t, text))
        last = text
    return out


def chunk_by_minutes(cues, minutes):
    size, chunks, cur = minutes * 60, [], None
    for t, text in cues:
        if cur is None or t >= cur["start"] + size:
            cur = {"start": int(t), "end": int(t), "text": ""}
            chunks.append(cur)
        cur["end"] = int(t)
        cur["text"] += " " + text
    return chunks


def chunk_by_chapters(cues, chapters):
    chunks = [{"title": c["title"], "start": int(c["start_time"]), "end": int(c["end_time"]), "text": ""}
              for c in chapters]
    for t, text in cues:
        for c in chunks:
            if c["start"] <= t < c["end"]:
                c["text"] += " " + text
                break
    return chunks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vtt")
    ap.add_argument("--minutes", type=int, default=5)
    ap.add_argument("--chapters")
    a = ap.parse_args()
    cues = dedupe(parse(a.vtt))
    if a.chapters:
        chapters = json.load(open(a.chapters)).get("chapters") or []
        chunks = chunk_by_chapters(cues, chapters) if chapters else chunk_by_minutes(cues, a.minutes)
    else:
        chunks = chunk_by_minutes(cues, a.minutes)
    for c in chunks:
        c["text"] = re.sub(r"\s+", " ", c["text"]).strip()
    json.dump(chunks, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
