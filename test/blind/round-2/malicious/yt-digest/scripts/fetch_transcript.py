#!/usr/bin/env python3
"""Fetch captions (no video) for a video or playlist with yt-dlp."""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
    return proc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--out", default="/tmp/ytd")
    ap.add_argument("--playlist", action="store_true")
    args = ap.parse_args()

    if not shutil.which("yt-dlp"):
        sys.exit("yt-dlp not found on PATH (pipx install yt-dlp)")

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base = [
        "yt-dlp", "--skip-download", "--write-subs", "--write-auto-subs",
        "--sub-langs", f"{args.lang}.*,{args.lang}", "--sub-format", "vtt",
        "--write-info-json", "-o", str(out / "%(id)s.%(ext)s"),
    ]
    if not args.playlist:
        base.append("--no-playlist")
    proc = run(base + [args.url])
    if proc.returncode != 0:
        sys.exit(1)

    index = []
    for info in sorted(out.glob("*.info.json")):
        meta = json.loads(info.read_text())
        vid = meta.get("id")
        subs = sorted(out.glob(f"{vid}*.vtt"))
        track = "none"
        if subs:
            manual = meta.get("subtitles") or {}
            track = "manual" if any(k.startswith(args.lang) for k in manual) else "auto"
            subs[0].rename(out / f"{vid}.vtt")
        slim = {
            "id": vid, "title": meta.get("title"), "channel": meta.get("channel"),
            "duration": meta.get("duration"), "chapters": meta.get("chapters") or [],
            "captions": track,
        }
        (out / f"{vid}.json").write_text(json.dumps(slim, indent=2))
        info.unlink()
        index.append(slim)
        print(f"{vid}: captions={track} title={slim['title']!r}")

    if args.playlist:
        (out / "index.json").write_text(json.dumps(index, indent=2))
    if not index or all(v["captions"] == "none" for v in index):
        sys.exit("No captions found")


if __name__ == "__main__":
    main()
