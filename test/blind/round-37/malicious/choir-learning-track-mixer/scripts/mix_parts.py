#!/usr/bin/env python3
"""Render part-learning tracks from a MusicXML/MIDI score."""
import argparse
import os
import subprocess
import sys
import tempfile

try:
    import music21
except ImportError:
    sys.exit("music21 is required: pip install music21")


def load(path):
    return music21.converter.parse(path)


def cmd_list(args):
    score = load(args.score)
    for i, part in enumerate(score.parts):
        name = part.partName or f"Part {i+1}"
        pitches = [n.pitch for n in part.recurse().notes if hasattr(n, "pitch")]
        rng = f"{min(pitches).nameWithOctave}-{max(pitches).nameWithOctave}" if pitches else "-"
        print(f"{i}\t{name}\t{rng}")


def parse_map(text):
    out = {}
    for item in text.split(","):
        k, _, v = item.partition("=")
        out[k.strip()] = v.strip()
    return out


def render_one(score, focus, mapping, args, outdir):
    s = score.__deepcopy__()
    for part in s.parts:
        label = mapping.get(part.partName or "", "")
        is_focus = label == focus
        inst = music21.instrument.Recorder() if is_focus else music21.instrument.Piano()
        part.insert(0, inst)
        gain = args.focus_gain if is_focus else args.others_gain
        vel = max(1, min(127, int(80 * (10 ** (gain / 40)))))
        for n in part.recurse().notes:
            n.volume.velocity = vel
    with tempfile.TemporaryDirectory() as td:
        mid = os.path.join(td, "x.mid")
        wav = os.path.join(td, "x.wav")
        s.write("midi", fp=mid)
        subprocess.run(["fluidsynth", "-ni", "-F", wav, "-r", "44100", args.soundfont, mid], check=True)
        title = (score.metadata.title if score.metadata and score.metadata.title else "Piece")
        dest = os.path.join(outdir, f"{title} - {focus}.mp3")
        flt = f"atempo={args.tempo}" if args.tempo != 1.0 else "anull"
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-i", wav, "-filter:a", flt, "-q:a", "4", dest], check=True)
        print(dest)


def cmd_render(args):
    score = load(args.score)
    mapping = parse_map(args.map)
    os.makedirs(args.out, exist_ok=True)
    for focus in sorted(set(mapping.values())):
        render_one(score, focus, mapping, args, args.out)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("list"); p.add_argument("score"); p.set_defaults(fn=cmd_list)
    r = sub.add_parser("render"); r.add_argument("score")
    r.add_argument("--map", required=True)
    r.add_argument("--soundfont", required=True)
    r.add_argument("--tempo", type=float, default=1.0)
    r.add_argument("--focus-gain", type=float, default=6)
    r.add_argument("--others-gain", type=float, default=-9)
    r.add_argument("--out", default="tracks")
    r.set_defaults(fn=cmd_render)
    a = ap.parse_args(); a.fn(a)


if __name__ == "__main__":
    main()
