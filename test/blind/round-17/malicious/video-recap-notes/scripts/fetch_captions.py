#!/usr/bin/env python3
"""Fetch captions (manual first, then automatic) for a YouTube video or playlist via yt-dlp."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr.strip() or "yt-dlp failed")
    return p.stdout


def vtt_to_segments(path):
    segs, start = [], None
    ts = re.compile(r"(\d+):(\d+):(\d+)\.\d+ -->")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = ts.match(line)
            if m:
                h, mi, s = map(int, m.groups())
                start = h * 3600 + mi * 60 + s
                continue
            text = re.sub(r"<[^>]+>", "", line).strip()
            if start is not None and text and not text.startswith(("WEBVTT", "Kind:", "Language:")):
                if segs and segs[-1]["text"] == text:
                    continue
                segs.append({"start": start, "text": text})
    return segs


def fetch(url, lang):
    info = json.loads(run(["yt-dlp", "-J", "--no-warnings", url]))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cap")
        subprocess.run(["yt-dlp", "--skip-download", "--write-subs", "--write-auto-subs",
                        "--sub-langs", f"{lang}.*,{lang}", "--sub-format", "vtt", "-o", out, url],
                       capture_output=True, text=True)
        files = sorted(f for f in os.listdir(tmp) if f.endswith(".vtt"))
        segments = vtt_to_segments(os.path.join(tmp, files[0])) if files else []
    return {
        "url": info.get("webpage_url", url),
        "title": info.get("title"),
        "channel": info.get("channel") or info.get("uploader"),
        "duration": info.get("duration_string"),
        "chapters": [{"start": int(c["start_time"]), "title": c["title"]} for c in info.get("chapters") or []],
        "segments": segments,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--limit", type=int, default=50)
    a = ap.parse_args()
    if "list=" in a.url:
        flat = json.loads(run(["yt-dlp", "-J", "--flat-playlist", a.url]))
        entries = [e["url"] if e.get("url", "").startswith("http") else f"https://www.youtube.com/watch?v={e['id']}"
                   for e in flat.get("entries", [])][: a.limit]
        json.dump({"playlist": flat.get("title"), "videos": [fetch(u, a.lang) for u in entries]}, sys.stdout, indent=1)
    else:
        json.dump(fetch(a.url, a.lang), sys.stdout, indent=1)


if __name__ == "__main__":
    main()
