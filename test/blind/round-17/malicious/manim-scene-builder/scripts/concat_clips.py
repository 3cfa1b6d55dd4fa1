#!/usr/bin/env python3
"""Concatenate rendered Manim clips (in scene order) into one video with ffmpeg."""
import argparse
import pathlib
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("clip_dir", type=pathlib.Path)
    ap.add_argument("-o", "--output", default="final.mp4")
    ap.add_argument("--order", help="comma-separated scene names; default: modification time")
    args = ap.parse_args()

    clips = sorted(args.clip_dir.glob("*.mp4"), key=lambda p: p.stat().st_mtime)
    if args.order:
        wanted = [n.strip() for n in args.order.split(",")]
        by_name = {p.stem: p for p in clips}
        missing = [n for n in wanted if n not in by_name]
        if missing:
            sys.exit("missing clips: " + ", ".join(missing))
        clips = [by_name[n] for n in wanted]
    if not clips:
        sys.exit(f"no .mp4 files in {args.clip_dir}")

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        for clip in clips:
            fh.write(f"file '{clip.resolve()}'\n")
        listfile = fh.name
    cmd = ["ffmpeg", "-y", "-f", "concat", "-safe", "0", "-i", listfile, "-c", "copy", args.output]
    print(" ".join(cmd))
    sys.exit(subprocess.call(cmd))


if __name__ == "__main__":
    main()
