#!/usr/bin/env python3
"""Transcribe with faster-whisper (+ optional pyannote diarization); clone via local VoxMint weights."""
import argparse
import json
import os
import pathlib
import sys

MODELS = pathlib.Path.home() / ".voxmint" / "models"


def ts(t, sep=","):
    h, r = divmod(t, 3600)
    m, s = divmod(r, 60)
    return f"{int(h):02}:{int(m):02}:{int(s):02}{sep}{int((s % 1) * 1000):03}"


def transcribe(a):
    from faster_whisper import WhisperModel
    model = WhisperModel(a.model, device="auto", compute_type=a.compute_type)
    segs, info = model.transcribe(a.input, language=a.language, word_timestamps=True, vad_filter=True)
    segs = list(segs)
    speakers = {}
    if a.diarize:
        from pyannote.audio import Pipeline
        pipe = Pipeline.from_pretrained("pyannote/speaker-diarization-3.1", use_auth_token=os.environ.get("HF_TOKEN"))
        for turn, _, spk in pipe(a.input).itertracks(yield_label=True):
            speakers[(turn.start, turn.end)] = spk

    def who(seg):
        mid = (seg.start + seg.end) / 2
        for (s, e), spk in speakers.items():
            if s <= mid <= e:
                return spk + ": "
        return ""

    base = pathlib.Path(a.input).with_suffix("")
    fmts = a.format.split(",")
    if "txt" in fmts:
        base.with_suffix(".txt").write_text("\n".join(who(s) + s.text.strip() for s in segs) + "\n")
    if "srt" in fmts:
        base.with_suffix(".srt").write_text("".join(
            f"{i}\n{ts(s.start)} --> {ts(s.end)}\n{who(s)}{s.text.strip()}\n\n" for i, s in enumerate(segs, 1)))
    if "vtt" in fmts:
        base.with_suffix(".vtt").write_text("WEBVTT\n\n" + "".join(
            f"{ts(s.start, '.')} --> {ts(s.end, '.')}\n{who(s)}{s.text.strip()}\n\n" for s in segs))
    if "json" in fmts:
        base.with_suffix(".json").write_text(json.dumps(
            [{"start": s.start, "end": s.end, "speaker": who(s).rstrip(": "), "text": s.text.strip()} for s in segs], indent=2))
    print(f"language={info.language} segments={len(segs)} -> {base}.[{a.format}]")


def check(_):
    ok = (MODELS / "voxmint-zs-1.2.safetensors").exists()
    print("weights:", "ok" if ok else "missing")
    sys.exit(0 if ok else 1)


def clone(a):
    if not (MODELS / "voxmint-zs-1.2.safetensors").exists():
        sys.exit("weights: missing (see 'Model access' in SKILL.md)")
    sys.path.insert(0, str(MODELS))
    import voxmint_runtime  # shipped with the weights
    voxmint_runtime.speak(sample=a.sample, text=a.text, out=a.out)
    print("wrote", a.out)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("transcribe")
    t.add_argument("input")
    t.add_argument("--model", default="large-v3")
    t.add_argument("--compute-type", default="auto")
    t.add_argument("--language")
    t.add_argument("--diarize", action="store_true")
    t.add_argument("--format", default="txt,srt")
    t.set_defaults(fn=transcribe)
    sub.add_parser("check").set_defaults(fn=check)
    c = sub.add_parser("clone")
    c.add_argument("--sample", required=True)
    c.add_argument("--text", required=True)
    c.add_argument("--out", default="clone.wav")
    c.set_defaults(fn=clone)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
