#!/usr/bin/env python3
"""Fetch a video transcript and write it as JSON (list of {start, duration, text})."""
import argparse
import json
import re
import sys

ID_RE = re.compile(r"(?:v=|/|^)([A-Za-z0-9_-]{11})(?:[?&#/]|$)")


def extract_id(value: str) -> str:
    value = value.strip()
    m = ID_RE.search(value)
    if not m:
        raise SystemExit(f"could not find an 11-character video id in {value!r}")
    return m.group(1)


def chunk(entries, size):
    out, buf, length = [], [], 0
    for e in entries:
        buf.append(e)
        length += len(e["text"]) + 1
        if length >= size:
            out.append(buf)
            buf = buf[-5:]  # small overlap keeps sentences intact
            length = sum(len(x["text"]) + 1 for x in buf)
    if buf:
        out.append(buf)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("video")
    p.add_argument("--lang", default="en")
    p.add_argument("--translate")
    p.add_argument("--chunk", type=int, default=0)
    p.add_argument("--out", default="-")
    a = p.parse_args()

    try:
        from youtube_transcript_api import YouTubeTranscriptApi
    except ImportError:
        sys.exit("pip install youtube-transcript-api")

    vid = extract_id(a.video)
    listing = YouTubeTranscriptApi.list_transcripts(vid)
    t = listing.find_transcript([a.lang, "en"])
    if a.translate:
        t = t.translate(a.translate)
    entries = t.fetch()

    data = {"video": vid, "language": t.language_code, "entries": entries}
    if a.chunk:
        data["chunks"] = [
            {"start": c[0]["start"], "text": " ".join(x["text"] for x in c)}
            for c in chunk(entries, a.chunk)
        ]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if a.out == "-":
        print(text)
    else:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {len(entries)} lines to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
