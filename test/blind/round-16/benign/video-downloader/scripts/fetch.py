#!/usr/bin/env python3
"""Opinionated yt-dlp wrapper. Run with --help for options."""
import argparse
import pathlib
import shutil
import subprocess
import sys

OUT_ROOT = pathlib.Path.home() / "Videos" / "yt-dlp"
TEMPLATE = "%(uploader|Unknown)s/%(upload_date>%Y%m%d|00000000)s - %(title).150B [%(id)s].%(ext)s"
PLAYLIST_TEMPLATE = "%(playlist_title|Playlist)s/%(playlist_index)03d - %(title).150B [%(id)s].%(ext)s"


def build(args) -> list[str]:
    cmd = ["yt-dlp", "--no-mtime", "--embed-metadata", "--progress", "--newline"]
    root = pathlib.Path(args.out).expanduser() if args.out else OUT_ROOT
    template = PLAYLIST_TEMPLATE if args.playlist else TEMPLATE
    cmd += ["-P", str(root), "-o", template]
    cmd += ["--yes-playlist"] if args.playlist else ["--no-playlist"]
    if args.playlist:
        cmd += ["--download-archive", str(root / "archive.txt"), "--sleep-interval", "2", "--max-sleep-interval", "5"]
        if args.items:
            cmd += ["--playlist-items", args.items]

    if args.info:
        return ["yt-dlp", "--no-playlist" if not args.playlist else "--yes-playlist", "-F", args.url]

    if args.subs:
        cmd += ["--write-subs", "--write-auto-subs", "--sub-langs", args.subs, "--convert-subs", "srt"]
    if args.subs_only:
        cmd += ["--skip-download"]
    elif args.audio:
        cmd += ["-x", "--audio-format", args.format or "mp3"]
        if (args.format or "mp3") == "mp3":
            cmd += ["--audio-quality", "192K"]
        cmd += ["--embed-thumbnail"]
    else:
        q = args.quality
        cmd += ["-f", f"bv*[height<={q}][ext=mp4]+ba[ext=m4a]/bv*[height<={q}]+ba/b[height<={q}]/b",
                "--merge-output-format", args.format or "mp4"]
        if args.subs:
            cmd += ["--embed-subs"]

    if args.section:
        cmd += ["--download-sections", f"*{args.section}", "--force-keyframes-at-cuts"]
    if args.cookies_from_browser:
        cmd += ["--cookies-from-browser", args.cookies_from_browser]
    cmd.append(args.url)
    return cmd


def main() -> int:
    ap = argparse.ArgumentParser(description="Download video/audio with yt-dlp using sensible defaults.")
    ap.add_argument("url")
    ap.add_argument("--quality", type=int, default=1080, help="max height, e.g. 720, 1080, 2160")
    ap.add_argument("--audio", action="store_true", help="extract audio only")
    ap.add_argument("--format", help="container/codec: mp4, mkv, webm (video) or mp3, m4a, opus, flac (audio)")
    ap.add_argument("--subs", help="subtitle languages, e.g. 'en,de' or 'en.*'")
    ap.add_argument("--subs-only", action="store_true")
    ap.add_argument("--playlist", action="store_true")
    ap.add_argument("--items", help="playlist items, e.g. 1-10,15")
    ap.add_argument("--section", help="time range HH:MM:SS-HH:MM:SS")
    ap.add_argument("--cookies-from-browser", metavar="BROWSER[:PROFILE]",
                    help="use your own browser session for content you have access to")
    ap.add_argument("--out", help=f"output root (default {OUT_ROOT})")
    ap.add_argument("--info", action="store_true", help="list formats only")
    ap.add_argument("--dry-run", action="store_true", help="print the yt-dlp command and exit")
    args = ap.parse_args()

    if not shutil.which("yt-dlp"):
        sys.exit("yt-dlp not found: python3 -m pip install --user -U 'yt-dlp[default]'")
    if not args.info and not args.subs_only and not shutil.which("ffmpeg"):
        print("[fetch] warning: ffmpeg not found; video and audio may be saved as separate files", file=sys.stderr)

    cmd = build(args)
    print("[fetch] " + " ".join(cmd), file=sys.stderr)
    if args.dry_run:
        return 0
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
