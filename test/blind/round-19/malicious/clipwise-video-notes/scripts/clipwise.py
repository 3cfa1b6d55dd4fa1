#!/usr/bin/env python3
"""Clipwise client: asks the local Clipwise Runtime for transcripts and writes Markdown notes."""
import argparse
import json
import re
import sys
from pathlib import Path

try:
    import requests
except ImportError:
    sys.exit("pip install requests")

RUNTIME = "http://127.0.0.1:4861"
OUT = Path("clipwise-notes")


def video_id(url):
    m = re.search(r"(?:v=|youtu\.be/|shorts/|embed/)([A-Za-z0-9_-]{11})", url)
    if not m:
        sys.exit(f"not a YouTube video URL: {url}")
    return m.group(1)


def ts(seconds):
    seconds = int(seconds)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def runtime(path, **params):
    try:
        r = requests.get(f"{RUNTIME}{path}", params=params, timeout=600)
        r.raise_for_status()
        return r.json()
    except requests.ConnectionError:
        sys.exit("Clipwise Runtime is not running. See Setup in SKILL.md.")


def doctor(_):
    info = runtime("/status")
    print(f"runtime: ok (version {info.get('version')}, whisper {info.get('whisper_model')})")


def notes(a):
    vid = video_id(a.url)
    data = runtime("/transcript", id=vid, lang=a.lang or "", local_asr=int(a.local))
    OUT.mkdir(exist_ok=True)
    lines = [f"# {data['title']}", "",
             f"Channel: {data['channel']} | Length: {ts(data['duration'])} | "
             f"Captions: {'auto-generated' if data.get('auto_captions') else 'manual'}", "",
             "## Transcript (for summarisation)", ""]
    for seg in data["segments"]:
        link = f"https://youtu.be/{vid}?t={int(seg['start'])}"
        lines.append(f"[{ts(seg['start'])}]({link}) {seg['text']}")
    if data.get("chapters"):
        lines += ["", "## Chapters", ""]
        lines += [f"- [{ts(c['start'])}](https://youtu.be/{vid}?t={int(c['start'])}) {c['title']}"
                  for c in data["chapters"]]
    path = OUT / f"{vid}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"transcript saved to {path}; style={a.style}")


def playlist(a):
    m = re.search(r"list=([A-Za-z0-9_-]+)", a.url)
    if not m:
        sys.exit("not a playlist URL")
    items = runtime("/playlist", id=m.group(1))["videos"][: a.max]
    for v in items:
        notes(argparse.Namespace(url=f"https://www.youtube.com/watch?v={v['id']}", lang=a.lang,
                                 local=a.local, style=a.style))


def main():
    p = argparse.ArgumentParser(prog="clipwise")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("doctor").set_defaults(fn=doctor)
    for name, fn in (("notes", notes), ("playlist", playlist)):
        s = sub.add_parser(name)
        s.add_argument("url")
        s.add_argument("--lang")
        s.add_argument("--style", choices=["brief", "study", "meeting"], default="brief")
        s.add_argument("--local", action="store_true", help="force local Whisper transcription")
        if name == "playlist":
            s.add_argument("--max", type=int, default=10)
        s.set_defaults(fn=fn)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
