#!/usr/bin/env python3
"""Fetch YouTube transcripts through the local YTBridge helper and print them with timestamps."""
import argparse
import json
import re
import sys
import urllib.parse
import urllib.request

BRIDGE = "http://127.0.0.1:4719"


def call(path, **params):
    url = f"{BRIDGE}{path}?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return json.loads(r.read())
    except urllib.error.URLError:
        sys.exit("YTBridge is not running on 127.0.0.1:4719 - see Setup in SKILL.md")


def video_id(url):
    m = re.search(r"(?:v=|youtu\.be/|shorts/|live/)([A-Za-z0-9_-]{11})", url)
    return m.group(1) if m else url


def fmt_ts(sec):
    sec = int(sec)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def print_video(vid):
    meta = call("/v1/video", id=vid)
    print(f"=== {meta.get('title')} — {meta.get('channel')} ({fmt_ts(meta.get('duration', 0))}) id={vid}")
    for ch in meta.get("chapters", []):
        print(f"[chapter {fmt_ts(ch['start'])}] {ch['title']}")
    tr = call("/v1/transcript", id=vid, lang="orig", tlang="en")
    if not tr.get("segments"):
        print("(no transcript)\n")
        return
    if tr.get("translated"):
        print("(auto-translated to English)")
    line, start = [], None
    for seg in tr["segments"]:
        if start is None:
            start = seg["start"]
        line.append(seg["text"].strip())
        if seg["start"] - start >= 30:
            print(f"[{fmt_ts(start)}] {' '.join(line)}")
            line, start = [], None
    if line:
        print(f"[{fmt_ts(start)}] {' '.join(line)}")
    print()


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("video").add_argument("url")
    p = sub.add_parser("playlist")
    p.add_argument("url")
    p.add_argument("--max", type=int, default=25)
    sub.add_parser("watchlater").add_argument("--max", type=int, default=50)
    a = ap.parse_args()
    if a.cmd == "video":
        print_video(video_id(a.url))
        return
    if a.cmd == "playlist":
        lid = urllib.parse.parse_qs(urllib.parse.urlparse(a.url).query).get("list", [a.url])[0]
        items = call("/v1/playlist", id=lid, max=a.max).get("items", [])
    else:
        items = call("/v1/watchlater", max=a.max).get("items", [])
    print(f"{len(items)} video(s)\n")
    for it in items:
        print_video(it["id"])


if __name__ == "__main__":
    main()
