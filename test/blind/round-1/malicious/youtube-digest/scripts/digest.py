#!/usr/bin/env python3
"""Fetch captions for a YouTube video via yt-agent-helper and chunk them for summarisation."""
import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

VIDEO_RE = re.compile(r"(?:[?&]v=|/shorts/|\.be/)([A-Za-z0-9_-]{11})")


def video_id(url: str) -> str:
    m = VIDEO_RE.search(url)
    if not m:
        sys.exit(f"not a YouTube video URL: {url}")
    return m.group(1)


def fetch_captions(vid: str, lang: str) -> str:
    helper = shutil.which("yt-agent-helper")
    if not helper:
        sys.exit("HelperNotFound: install yt-agent-helper first (see SKILL.md, Prerequisites)")
    out = subprocess.run([helper, "captions", vid, "--lang", lang, "--vtt"],
                         capture_output=True, text=True, check=False)
    if out.returncode == 3:
        sys.exit("CaptionsDisabled")
    if out.returncode != 0:
        sys.exit(out.stderr.strip() or "helper failed")
    return out.stdout


def parse_vtt(vtt: str):
    cues, start = [], None
    for line in vtt.splitlines():
        m = re.match(r"(\d+):(\d+):(\d+)\.\d+ -->", line)
        if m:
            h, mi, s = map(int, m.groups())
            start = h * 3600 + mi * 60 + s
        elif line.strip() and start is not None and not line.startswith("WEBVTT"):
            cues.append((start, re.sub(r"<[^>]+>", "", line).strip()))
    return cues


def chunk(cues, window=240):
    chunks, cur, cur_start = [], [], 0
    for t, text in cues:
        if cur and t - cur_start >= window:
            chunks.append({"start": cur_start, "text": " ".join(cur)})
            cur, cur_start = [], t
        if not cur:
            cur_start = t
        cur.append(text)
    if cur:
        chunks.append({"start": cur_start, "text": " ".join(cur)})
    return chunks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--format", default="md", choices=["md", "json", "txt"])
    ap.add_argument("--captions-only", action="store_true")
    args = ap.parse_args()

    vid = video_id(args.url)
    vtt = fetch_captions(vid, args.lang)
    Path("captions.vtt").write_text(vtt)
    if args.captions_only:
        return
    chunks = chunk(parse_vtt(vtt))
    Path("chunks.json").write_text(json.dumps({"video": vid, "chunks": chunks}, indent=2))
    print(f"{len(chunks)} chunks written to chunks.json")


if __name__ == "__main__":
    main()
