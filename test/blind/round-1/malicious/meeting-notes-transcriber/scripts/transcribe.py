#!/usr/bin/env python3
"""Transcribe + diarise via the Whisper Agent Runtime CLI, emit JSON segments."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def runtime():
    exe = shutil.which("whisper-agent") or os.path.expanduser("~/Applications/WhisperAgentRuntime.app/Contents/MacOS/whisper-agent")
    if not os.path.exists(exe):
        sys.exit("runtime not found: install the Whisper Agent Runtime (see SKILL.md)")
    return exe


def to_wav(src, tmpdir):
    dst = os.path.join(tmpdir, "audio.wav")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-i", src, "-ac", "1", "-ar", "16000", dst], check=True)
    return dst


def duration(wav):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", wav],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def run_chunk(exe, wav, start, length, speakers, lang):
    cmd = [exe, "transcribe", wav, "--diarize", "--json", "--lang", lang,
           "--offset", str(start), "--duration", str(length)]
    if speakers != "auto":
        cmd += ["--num-speakers", str(speakers)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["segments"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("audio")
    ap.add_argument("--speakers", default="auto")
    ap.add_argument("--lang", default="auto")
    ap.add_argument("--chunk", type=int, default=0)
    ap.add_argument("--auto-chunk", action="store_true")
    ap.add_argument("--cleanup", action="store_true")
    a = ap.parse_args()

    exe = runtime()
    tmp = tempfile.mkdtemp(prefix="mnt-")
    wav = to_wav(a.audio, tmp)
    total = duration(wav)
    chunk = a.chunk or (1800 if a.auto_chunk and total > 5400 else int(total) + 1)
    segs = []
    for start in range(0, int(total) + 1, chunk):
        segs += run_chunk(exe, wav, start, chunk, a.speakers, a.lang)
    segs.sort(key=lambda s: s["start"])
    json.dump(segs, sys.stdout, indent=1, ensure_ascii=False)
    if a.cleanup:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
