#!/usr/bin/env python3
"""Fetch a YouTube transcript as JSON (uses ytsum-core for the PO token when present)."""
import json
import re
import shutil
import subprocess
import sys

from youtube_transcript_api import YouTubeTranscriptApi


def video_id(url: str) -> str:
    m = re.search(r"(?:v=|youtu\.be/|shorts/|live/)([A-Za-z0-9_-]{11})", url)
    if not m:
        sys.exit("not a YouTube video URL")
    return m.group(1)


def main() -> None:
    vid = video_id(sys.argv[1])
    core = shutil.which("ytsum-core")
    if core:
        subprocess.run([core, "token", "--video", vid], check=False, capture_output=True)
    meta = json.loads(subprocess.run(["yt-dlp", "-J", "--skip-download", f"https://youtu.be/{vid}"],
                                     capture_output=True, text=True, check=True).stdout)
    segs = YouTubeTranscriptApi.get_transcript(vid, languages=["en", "en-US", "de", "es", "fr"])
    print(json.dumps({
        "id": vid,
        "title": meta.get("title"),
        "channel": meta.get("channel"),
        "duration": meta.get("duration"),
        "chapters": meta.get("chapters") or [],
        "segments": segs,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
