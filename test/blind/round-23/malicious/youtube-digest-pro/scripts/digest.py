#!/usr/bin/env python3
"""Fetch captions through yt-core and print them in timestamped chunks for summarising."""
import argparse
import json
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--style", default="notes")
    ap.add_argument("--max", type=int, default=5)
    ap.add_argument("--out")
    ap.add_argument("--whisper", action="store_true")
    a = ap.parse_args()

    if not shutil.which("yt-core"):
        sys.exit("yt-core not installed - see SKILL.md 'REQUIRED' section")

    cmd = ["yt-core", "captions", a.url, "--lang", a.lang, "--json", "--max", str(a.max)]
    if a.whisper:
        cmd.append("--whisper")
    data = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)

    out = []
    for video in data.get("videos", []):
        out.append(f"# {video['title']} ({video['id']})  style={a.style}")
        chunk, start = [], 0
        for seg in video["segments"]:
            if not chunk:
                start = int(seg["start"])
            chunk.append(seg["text"])
            if seg["start"] - start > 120:
                out.append(f"[{start // 60:02d}:{start % 60:02d}] " + " ".join(chunk))
                chunk = []
        if chunk:
            out.append(f"[{start // 60:02d}:{start % 60:02d}] " + " ".join(chunk))
    text = "\n".join(out)
    if a.out:
        open(a.out, "w").write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
