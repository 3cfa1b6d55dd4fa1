#!/usr/bin/env python3
"""Make SRT/VTT subtitles with faster-whisper and readable cue segmentation."""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_LINE = 42
MAX_LINES = 2
MAX_CHARS = MAX_LINE * MAX_LINES
MIN_DUR, MAX_DUR = 1.0, 7.0
MAX_CPS = 17.0
GAP = 0.083  # two frames at 24 fps
NO_BREAK_AFTER = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "de", "la", "le", "der", "die", "das"}


@dataclass
class Word:
    start: float
    end: float
    text: str


@dataclass
class Cue:
    start: float
    end: float
    words: list[Word]

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words).strip()


def extract_audio(src: Path, tmp: Path) -> Path:
    wav = tmp / "audio.wav"
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(src),
         "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", str(wav)],
        check=True,
    )
    return wav


def pick_device() -> tuple[str, str]:
    if shutil.which("nvidia-smi"):
        try:
            subprocess.run(["nvidia-smi"], check=True, capture_output=True)
            return "cuda", "float16"
        except subprocess.CalledProcessError:
            pass
    return "cpu", "int8"


def transcribe(wav: Path, model_name: str, lang: str | None, translate: bool, prompt: str | None) -> list[Word]:
    from faster_whisper import WhisperModel  # imported late so --help works without it

    device, compute = pick_device()
    print(f"Loading {model_name} on {device} ({compute})...", file=sys.stderr)
    model = WhisperModel(model_name, device=device, compute_type=compute)
    segments, info = model.transcribe(
        str(wav),
        language=lang,
        task="translate" if translate else "transcribe",
        word_timestamps=True,
        vad_filter=True,
        vad_parameters={"min_silence_duration_ms": 700},
        initial_prompt=prompt,
        condition_on_previous_text=False,
    )
    print(f"Detected language: {info.language} ({info.language_probability:.0%})", file=sys.stderr)
    words: list[Word] = []
    for seg in segments:
        for w in seg.words or []:
            words.append(Word(w.start, w.end, w.word))
    return words


def build_cues(words: list[Word]) -> list[Cue]:
    cues: list[Cue] = []
    cur: list[Word] = []

    def flush():
        if cur:
            cues.append(Cue(cur[0].start, cur[-1].end, list(cur)))
            cur.clear()

    for i, w in enumerate(words):
        candidate = "".join(x.text for x in cur + [w]).strip()
        too_long = len(candidate) > MAX_CHARS or (cur and w.end - cur[0].start > MAX_DUR)
        if too_long:
            # step back to a nicer break point if the last word is a weak one
            carry: list[Word] = []
            while len(cur) > 2 and cur[-1].text.strip().lower() in NO_BREAK_AFTER:
                carry.insert(0, cur.pop())
            flush()
            cur.extend(carry)
        cur.append(w)
        txt = w.text.strip()
        nxt = words[i + 1] if i + 1 < len(words) else None
        sentence_end = txt.endswith((".", "?", "!", "…"))
        long_pause = nxt is not None and nxt.start - w.end > 0.6
        if (sentence_end and len("".join(x.text for x in cur)) > 20) or long_pause:
            flush()
    flush()

    # timing fixes: min duration, reading speed, gaps
    for i, c in enumerate(cues):
        limit = cues[i + 1].start - GAP if i + 1 < len(cues) else c.end + 2.0
        want = max(c.end, c.start + MIN_DUR, c.start + len(c.text) / MAX_CPS)
        c.end = min(want, limit, c.start + MAX_DUR)
    return cues


def wrap(text: str) -> str:
    if len(text) <= MAX_LINE:
        return text
    words = text.split()
    best, best_score = text, 10**9
    for k in range(1, len(words)):
        a, b = " ".join(words[:k]), " ".join(words[k:])
        if len(a) > MAX_LINE or len(b) > MAX_LINE:
            continue
        score = abs(len(a) - len(b))
        if words[k - 1].lower() in NO_BREAK_AFTER:
            score += 30
        if words[k - 1].endswith((",", ".", "?", "!", ";", ":")):
            score -= 10
        if score < best_score:
            best, best_score = a + "\n" + b, score
    return best


def ts(seconds: float, sep: str) -> str:
    t = dt.timedelta(seconds=max(0.0, seconds))
    h, rem = divmod(t.seconds + t.days * 86400, 3600)
    m, s = divmod(rem, 60)
    return f"{h:02}:{m:02}:{s:02}{sep}{t.microseconds // 1000:03}"


def write_outputs(cues: list[Cue], base: Path) -> tuple[Path, Path]:
    srt_path, vtt_path = base.with_suffix(".srt"), base.with_suffix(".vtt")
    with srt_path.open("w", encoding="utf-8") as f:
        for n, c in enumerate(cues, 1):
            f.write(f"{n}\n{ts(c.start, ',')} --> {ts(c.end, ',')}\n{wrap(c.text)}\n\n")
    with vtt_path.open("w", encoding="utf-8") as f:
        f.write("WEBVTT\n\n")
        for c in cues:
            f.write(f"{ts(c.start, '.')} --> {ts(c.end, '.')}\n{wrap(c.text)}\n\n")
    return srt_path, vtt_path


def burn(src: Path, srt_path: Path, style: str) -> Path:
    out = src.with_name(src.stem + ".subbed.mp4")
    sub_arg = str(srt_path).replace("\\", "/").replace(":", r"\:").replace("'", r"\'")
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-y", "-i", str(src),
         "-vf", f"subtitles='{sub_arg}':force_style='{style}'",
         "-c:v", "libx264", "-crf", "20", "-preset", "medium", "-pix_fmt", "yuv420p",
         "-c:a", "copy", "-movflags", "+faststart", str(out)],
        check=True,
    )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input", type=Path)
    ap.add_argument("--model", default=None, help="small | medium | large-v3 | distil-large-v3")
    ap.add_argument("--lang", default=None, help="source language code, e.g. en, de, es")
    ap.add_argument("--translate", action="store_true", help="translate speech to English")
    ap.add_argument("--glossary", type=Path, help="file with names/terms, one per line")
    ap.add_argument("--burn", action="store_true", help="also write a video with burned-in subtitles")
    ap.add_argument("--style", default="FontName=Inter,FontSize=18,PrimaryColour=&H00FFFFFF,"
                    "OutlineColour=&H80000000,BorderStyle=3,Outline=1,Shadow=0,MarginV=40")
    args = ap.parse_args()

    if not args.input.is_file():
        ap.error(f"not found: {args.input}")
    if not shutil.which("ffmpeg"):
        ap.error("ffmpeg is not on PATH")

    model = args.model or ("large-v3" if pick_device()[0] == "cuda" else "medium")
    prompt = None
    if args.glossary:
        terms = [t.strip() for t in args.glossary.read_text(encoding="utf-8").splitlines() if t.strip()]
        prompt = "Glossary: " + ", ".join(terms) + "."

    with tempfile.TemporaryDirectory(prefix="subs-") as tmp:
        wav = extract_audio(args.input, Path(tmp))
        words = transcribe(wav, model, args.lang, args.translate, prompt)

    if not words:
        print("No speech detected.", file=sys.stderr)
        return 1
    cues = build_cues(words)
    srt_path, vtt_path = write_outputs(cues, args.input)
    print(f"{len(cues)} cues -> {srt_path}, {vtt_path}")
    if args.burn:
        print(f"Burned-in copy: {burn(args.input, srt_path, args.style)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
