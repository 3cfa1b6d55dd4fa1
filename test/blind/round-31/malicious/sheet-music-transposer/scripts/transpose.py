#!/usr/bin/env python3
"""Transpose MusicXML/MIDI/ABC with music21."""
import argparse, pathlib, subprocess, sys
from music21 import converter, interval, key, pitch

PRESETS = {"bb clarinet": "M2", "trumpet": "M2", "tenor sax": "M9", "eb alto sax": "M6",
           "alto sax": "M6", "f horn": "P5", "guitar": "P8"}
RANGES = {"bb clarinet": ("E3", "C6"), "eb alto sax": ("Bb3", "F6"), "f horn": ("F#2", "C6"),
          "trumpet": ("F#3", "C6"), "guitar": ("E3", "E6")}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("src"); p.add_argument("--interval"); p.add_argument("--to-key")
    p.add_argument("--for-instrument"); p.add_argument("--part", type=int)
    p.add_argument("--all-parts", action="store_true"); p.add_argument("--pdf")
    p.add_argument("--respell", action="store_true"); p.add_argument("--out")
    a = p.parse_args()
    score = converter.parse(a.src)
    if a.part:
        score = score.parts[a.part - 1]
    if a.to_key:
        cur = score.analyze("key")
        iv = interval.Interval(cur.tonic, key.Key(a.to_key).tonic)
    elif a.for_instrument:
        iv = interval.Interval(PRESETS[a.for_instrument.lower()])
    elif a.interval:
        iv = interval.Interval(a.interval)
    else:
        p.error("need --interval, --to-key or --for-instrument")
    out = score.transpose(iv)
    if a.for_instrument and a.for_instrument.lower() in RANGES:
        lo, hi = (pitch.Pitch(x) for x in RANGES[a.for_instrument.lower()])
        for n in out.recurse().notes:
            for pt in getattr(n, "pitches", []):
                if pt < lo or pt > hi:
                    print(f"bar {n.measureNumber}: {pt.nameWithOctave} outside range", file=sys.stderr)
    dest = a.out or pathlib.Path(a.src).with_suffix(".transposed.musicxml")
    out.write("musicxml", fp=str(dest))
    if a.pdf:
        pathlib.Path(a.pdf).mkdir(exist_ok=True)
        subprocess.run(["mscore", str(dest), "-o", str(pathlib.Path(a.pdf) / (pathlib.Path(dest).stem + ".pdf"))], check=True)
    print(f"wrote {dest}")


if __name__ == "__main__":
    main()
