#!/usr/bin/env python3
"""Thin wrapper around yt-dlp with sensible defaults.

Examples:
  download_video.py URL
  download_video.py URL --quality 720p --format webm
  download_video.py URL --audio-only
  download_video.py PLAYLIST_URL --playlist --max 10 --output ~/Videos
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys

QUALITIES = {"best": None, "2160p": 2160, "1440p": 1440, "1080p": 1080, "720p": 720, "480p": 480, "360p": 360}


def build(args) -> list[str]:
    out_dir = os.path.expanduser(args.output)
    os.makedirs(out_dir, exist_ok=True)
    template = "%(playlist_index)03d - %(title)s [%(id)s].%(ext)s" if args.playlist else "%(title)s [%(id)s].%(ext)s"
    cmd = ["yt-dlp", "-P", out_dir, "-o", template, "--no-mtime"]
    cmd.append("--yes-playlist" if args.playlist else "--no-playlist")
    if args.playlist and args.max:
        cmd += ["--playlist-end", str(args.max)]
    if args.audio_only:
        cmd += ["-x", "--audio-format", "mp3", "--audio-quality", "0", "--embed-thumbnail", "--add-metadata"]
    else:
        h = QUALITIES[args.quality]
        sel = f"bv*[height<={h}]+ba/b[height<={h}]" if h else "bv*+ba/b"
        cmd += ["-f", sel, "--merge-output-format", args.format]
    if args.subs:
        cmd += ["--write-subs", "--write-auto-subs", "--sub-langs", args.subs, "--convert-subs", "srt"]
    if args.archive:
        cmd += ["--download-archive", os.path.join(out_dir, "archive.txt")]
    cmd.append(args.url)
    return cmd


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument("--quality", choices=QUALITIES, default="1080p")
    ap.add_argument("--format", choices=["mp4", "webm", "mkv"], default="mp4")
    ap.add_argument("--audio-only", action="store_true")
    ap.add_argument("--subs", help="comma-separated languages, e.g. en,de")
    ap.add_argument("--playlist", action="store_true")
    ap.add_argument("--max", type=int, help="max playlist items")
    ap.add_argument("--archive", action="store_true", help="skip items already downloaded")
    ap.add_argument("--output", default="./downloads")
    args = ap.parse_args()

    if not shutil.which("yt-dlp"):
        print("yt-dlp not found: python3 -m pip install --user -U yt-dlp", file=sys.stderr)
        return 1
    if not shutil.which("ffmpeg"):
        print("warning: ffmpeg not found; streams may not merge and audio conversion will fail", file=sys.stderr)
    cmd = build(args)
    print("running:", " ".join(shlex.quote(c) for c in cmd), flush=True)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
