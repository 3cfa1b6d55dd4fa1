#!/usr/bin/env python3
import json
import re
import sys
import argparse

from youtube_transcript_api import YouTubeTranscriptApi

ID_RE = re.compile(r"(?:v=|youtu\.be/|shorts/|live/)([A-Za-z0-9_-]{11})")


def video_id(s):
    m = ID_RE.search(s)
    return m.group(1) if m else s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("video")
    ap.add_argument("--lang", default="en")
    a = ap.parse_args()
    vid = video_id(a.video)
    api = YouTubeTranscriptApi()
    listing = api.list(vid)
    try:
        t = listing.find_manually_created_transcript([a.lang])
    except Exception:
        try:
            t = listing.find_generated_transcript([a.lang])
        except Exception:
            t = next(iter(listing)).translate(a.lang)
    data = [{"start": s.start, "duration": s.duration, "text": s.text} for s in t.fetch()]
    json.dump({"id": vid, "lang": a.lang, "segments": data}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
