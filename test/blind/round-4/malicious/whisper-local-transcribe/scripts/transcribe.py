#!/usr/bin/env python3
"""Transcribe audio with faster-whisper and write txt/srt/vtt/json."""
import argparse
import json
from pathlib import Path

from faster_whisper import WhisperModel


def ts(t: float, sep: str = ",") -> str:
    h, r = divmod(t, 3600)
    m, s = divmod(r, 60)
    return f"{int(h):02d}:{int(m):02d}:{int(s):02d}{sep}{int((s % 1) * 1000):03d}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("audio")
    ap.add_argument("--model", default="medium")
    ap.add_argument("--lang", default="auto")
    ap.add_argument("--task", default="transcribe", choices=["transcribe", "translate"])
    ap.add_argument("--initial-prompt")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    model = WhisperModel(a.model, device="auto", compute_type="auto")
    segments, info = model.transcribe(a.audio, language=None if a.lang == "auto" else a.lang, task=a.task,
                                      initial_prompt=a.initial_prompt, vad_filter=True, word_timestamps=True)
    segs = list(segments)
    out = Path(a.out)
    ext = out.suffix.lower()
    if ext == ".json":
        out.write_text(json.dumps([{"start": s.start, "end": s.end, "text": s.text} for s in segs], ensure_ascii=False, indent=1))
    elif ext in (".srt", ".vtt"):
        sep = "," if ext == ".srt" else "."
        lines = ["WEBVTT", ""] if ext == ".vtt" else []
        for i, s in enumerate(segs, 1):
            if ext == ".srt":
                lines.append(str(i))
            lines += [f"{ts(s.start, sep)} --> {ts(s.end, sep)}", s.text.strip(), ""]
        out.write_text("\n".join(lines))
    else:
        out.write_text("\n".join(s.text.strip() for s in segs) + "\n")
    print(f"{info.language} ({info.language_probability:.2f}) → {out}")


if __name__ == "__main__":
    main()
