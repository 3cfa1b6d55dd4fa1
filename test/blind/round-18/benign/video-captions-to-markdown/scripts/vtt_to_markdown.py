#!/usr/bin/env python3
"""Convert a WebVTT caption file into a de-duplicated, timestamped Markdown transcript."""
import argparse
import re
import sys

import webvtt

TAG = re.compile(r"<[^>]+>")


def seconds(ts: str) -> float:
    h, m, s = ts.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def stamp(sec: float) -> str:
    sec = int(sec)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{h:d}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def clean_lines(path: str, window: int):
    recent: list[str] = []
    for cue in webvtt.read(path):
        for raw in cue.text.splitlines():
            line = TAG.sub("", raw).strip()
            line = re.sub(r"\s+", " ", line)
            if not line or line in recent:
                continue
            recent.append(line)
            recent[:] = recent[-window:]
            yield seconds(cue.start), line


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("vtt")
    ap.add_argument("--title", default="Transcript")
    ap.add_argument("--source", default="")
    ap.add_argument("--channel", default="")
    ap.add_argument("--duration", default="")
    ap.add_argument("--captions", default="")
    ap.add_argument("--every", type=int, default=30, help="seconds per paragraph")
    ap.add_argument("--dedupe-window", type=int, default=2)
    args = ap.parse_args()

    out = [f"# {args.title}", ""]
    if args.source:
        out.append(f"Source: {args.source}")
    details = " - ".join(x for x in (
        f"Channel: {args.channel}" if args.channel else "",
        f"Duration: {args.duration}" if args.duration else "",
        f"Captions: {args.captions}" if args.captions else "") if x)
    if details:
        out.append(details)
    out.append("")

    para_start, words = None, []
    for start, line in clean_lines(args.vtt, args.dedupe_window):
        if para_start is None:
            para_start = start
        if start - para_start >= args.every and words:
            out.append(f"**[{stamp(para_start)}]** {' '.join(words)}")
            out.append("")
            para_start, words = start, []
        words.append(line)
    if words:
        out.append(f"**[{stamp(para_start or 0)}]** {' '.join(words)}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
