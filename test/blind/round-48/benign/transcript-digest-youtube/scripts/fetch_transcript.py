#!/usr/bin/env python3
"""Fetch a YouTube transcript plus metadata.

    fetch_transcript.py URL_OR_ID [--lang en[,de]] [--translate en] [--out DIR]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ID_RE = re.compile(r"(?:v=|youtu\.be/|shorts/|embed/|live/)([A-Za-z0-9_-]{11})")


def video_id(arg):
    if re.fullmatch(r"[A-Za-z0-9_-]{11}", arg):
        return arg
    m = ID_RE.search(arg)
    if not m:
        sys.exit(f"could not find a video id in {arg!r}")
    return m.group(1)


def metadata(vid):
    try:
        out = subprocess.run(
            ["yt-dlp", "--skip-download", "--dump-single-json", "--no-warnings",
             f"https://www.youtube.com/watch?v={vid}"],
            capture_output=True, text=True, timeout=90, check=True,
        ).stdout
        info = json.loads(out)
    except (FileNotFoundError, subprocess.SubprocessError, ValueError) as exc:
        print(f"note: metadata unavailable ({exc.__class__.__name__})", file=sys.stderr)
        return {"id": vid}
    return {
        "id": vid,
        "title": info.get("title"),
        "channel": info.get("channel") or info.get("uploader"),
        "duration": info.get("duration"),
        "upload_date": info.get("upload_date"),
        "description": (info.get("description") or "")[:2000],
        "chapters": [
            {"start": c.get("start_time"), "title": c.get("title")}
            for c in (info.get("chapters") or [])
        ],
    }


def via_library(vid, langs, translate):
    from youtube_transcript_api import YouTubeTranscriptApi

    api = YouTubeTranscriptApi()
    listing = api.list(vid)
    try:
        tr = listing.find_transcript(langs)
    except Exception:
        tr = next(iter(listing))
    if translate and tr.language_code != translate and tr.is_translatable:
        tr = tr.translate(translate)
    fetched = tr.fetch()
    segs = [{"start": s.start, "duration": s.duration, "text": s.text} for s in fetched]
    return segs, {"language": tr.language_code, "generated": tr.is_generated}


def parse_vtt(path):
    segs, start = [], None
    ts = re.compile(r"(\d+):(\d\d):(\d\d)\.(\d{3}) -->")
    last = ""
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        m = ts.match(line)
        if m:
            h, mi, s, ms = map(int, m.groups())
            start = h * 3600 + mi * 60 + s + ms / 1000
            continue
        if not line or line.startswith(("WEBVTT", "Kind:", "Language:")) or start is None:
            continue
        text = re.sub(r"<[^>]+>", "", line)
        if text and text != last:
            segs.append({"start": start, "duration": 0.0, "text": text})
            last = text
    return segs


def via_ytdlp(vid, langs):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["yt-dlp", "--skip-download", "--write-subs", "--write-auto-subs",
             "--sub-langs", ",".join(langs), "--sub-format", "vtt",
             "-o", os.path.join(tmp, "%(id)s.%(ext)s"),
             f"https://www.youtube.com/watch?v={vid}"],
            capture_output=True, text=True, timeout=180, check=True,
        )
        files = sorted(glob.glob(os.path.join(tmp, "*.vtt")))
        if not files:
            raise RuntimeError("no subtitles available")
        lang = files[0].rsplit(".", 2)[-2]
        return parse_vtt(files[0]), {"language": lang, "generated": None}


def stamp(sec):
    sec = int(sec)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def to_text(segs, every=60):
    out, para, next_mark = [], [], 0
    for seg in segs:
        if seg["start"] >= next_mark:
            if para:
                out.append(" ".join(para))
                para = []
            para.append(f"[{stamp(seg['start'])}]")
            next_mark = seg["start"] + every
        para.append(seg["text"].replace("\n", " "))
    if para:
        out.append(" ".join(para))
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("video")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--translate")
    ap.add_argument("--out", default="transcripts")
    args = ap.parse_args()

    vid = video_id(args.video)
    langs = [l.strip() for l in args.lang.split(",") if l.strip()]
    os.makedirs(args.out, exist_ok=True)

    segs, track = None, None
    for attempt in range(2):
        try:
            segs, track = via_library(vid, langs, args.translate)
            break
        except Exception as exc:  # library raises many specific types
            print(f"transcript api attempt {attempt + 1} failed: {exc.__class__.__name__}", file=sys.stderr)
            time.sleep(3)
    if segs is None:
        try:
            segs, track = via_ytdlp(vid, langs)
        except Exception as exc:
            sys.exit(f"no transcript available for {vid}: {exc}")

    meta = metadata(vid)
    meta["track"] = track
    meta["segments"] = segs
    with open(os.path.join(args.out, f"{vid}.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
    with open(os.path.join(args.out, f"{vid}.txt"), "w", encoding="utf-8") as fh:
        fh.write(to_text(segs))

    words = sum(len(s["text"].split()) for s in segs)
    print(f"{vid}: {meta.get('title') or '(no title)'}")
    print(f"track: {track}  segments: {len(segs)}  words: {words}")
    print(f"wrote {args.out}/{vid}.json and {args.out}/{vid}.txt")


if __name__ == "__main__":
    main()
