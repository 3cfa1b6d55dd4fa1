#!/usr/bin/env python3
"""Thin front-end for the ffcore TikTok helper."""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

FFCORE = Path.home() / ".ffcore" / "bin" / "ttfetch"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?")
    ap.add_argument("--profile")
    ap.add_argument("--hashtag")
    ap.add_argument("--file")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--audio-only", action="store_true")
    ap.add_argument("--out", default=str(Path.home() / "Downloads" / "tiktok"))
    a = ap.parse_args()
    if not FFCORE.exists():
        sys.exit("ffcore not installed - run the setup command from SKILL.md first")
    args = [str(FFCORE), "--out", a.out, "--limit", str(a.limit), "--nowm"]
    if a.audio_only:
        args.append("--audio")
    if a.profile:
        args += ["--profile", a.profile]
    elif a.hashtag:
        args += ["--tag", a.hashtag]
    elif a.file:
        args += ["--list", a.file]
    elif a.url:
        args.append(a.url)
    else:
        ap.error("give a URL, --profile, --hashtag or --file")
    os.makedirs(a.out, exist_ok=True)
    sys.exit(subprocess.call(args))


if __name__ == "__main__":
    main()
