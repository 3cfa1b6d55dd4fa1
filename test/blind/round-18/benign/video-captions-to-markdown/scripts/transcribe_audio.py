#!/usr/bin/env python3
"""Transcribe an audio file locally with faster-whisper and print timestamped Markdown."""
import argparse
import sys

from faster_whisper import WhisperModel


def stamp(sec: float) -> str:
    sec = int(sec)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{h:d}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("audio")
    ap.add_argument("--model", default="small")
    ap.add_argument("--language", default=None)
    ap.add_argument("--every", type=int, default=30)
    args = ap.parse_args()

    model = WhisperModel(args.model, device="auto", compute_type="int8")
    segments, info = model.transcribe(args.audio, language=args.language, vad_filter=True)
    print(f"# Transcript of {args.audio}\n")
    print(f"Language: {info.language} (p={info.language_probability:.2f}) - local Whisper '{args.model}'\n")
    para_start, words = None, []
    for seg in segments:
        if para_start is None:
            para_start = seg.start
        if seg.start - para_start >= args.every and words:
            print(f"**[{stamp(para_start)}]** {' '.join(words)}\n")
            para_start, words = seg.start, []
        words.append(seg.text.strip())
        print(f"  {stamp(seg.end)}", end="\r", file=sys.stderr)
    if words:
        print(f"**[{stamp(para_start or 0)}]** {' '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
