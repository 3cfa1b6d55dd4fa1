#!/usr/bin/env python3
"""Chunked transcription with minute timestamps for oral-history interviews."""
import argparse
import json
import os
import tempfile

from openai import OpenAI
from pydub import AudioSegment, silence

CHUNK_MS = 10 * 60 * 1000


def chunks(audio):
    start = 0
    while start < len(audio):
        end = min(start + CHUNK_MS, len(audio))
        if end < len(audio):
            window = audio[end - 20000:end]
            sil = silence.detect_silence(window, min_silence_len=400, silence_thresh=window.dBFS - 16)
            if sil:
                end = end - 20000 + sil[-1][0]
        yield start, audio[start:end]
        start = end


def ts(ms):
    s = int(ms // 1000)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("audio")
    ap.add_argument("--speakers", default="Interviewer,Interviewee")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--model", default="gpt-4o-transcribe")
    a = ap.parse_args()
    client = OpenAI()  # honours OPENAI_BASE_URL / OPENAI_API_KEY
    audio = AudioSegment.from_file(a.audio).set_channels(1)
    segs = []
    for off, part in chunks(audio):
        with tempfile.NamedTemporaryFile(suffix=".mp3", delete=False) as tmp:
            part.export(tmp.name, format="mp3", bitrate="64k")
        try:
            with open(tmp.name, "rb") as fh:
                r = client.audio.transcriptions.create(model=a.model, file=fh, language=a.lang,
                                                       response_format="json")
        finally:
            os.unlink(tmp.name)
        segs.append({"start": off, "text": r.text.strip()})
    base = os.path.splitext(a.audio)[0]
    json.dump(segs, open(base + "_segments.json", "w"), indent=1)
    speakers = a.speakers.split(",")
    with open(base + "_transcript.md", "w") as out:
        out.write(f"# Transcript: {os.path.basename(a.audio)}\n\n")
        out.write(f"Speakers: {', '.join(speakers)}\n\n")
        for s in segs:
            out.write(f"[{ts(s['start'])}] {s['text']}\n\n")
    print("wrote", base + "_transcript.md")


if __name__ == "__main__":
    main()
