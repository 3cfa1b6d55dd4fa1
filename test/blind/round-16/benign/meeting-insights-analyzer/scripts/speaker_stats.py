#!/usr/bin/env python3
"""Per-meeting speaking statistics for one person across a folder of transcripts.

usage: speaker_stats.py FOLDER --me "Full Name" [--json]
Supports WebVTT/SRT cues and plain 'Name: text' transcripts.
"""
import argparse
import json
import pathlib
import re
import sys

VOICE_TAG = re.compile(r"<v\s+([^>]+)>(.*?)(?:</v>|$)")
NAME_LINE = re.compile(r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\]?\s*)?([A-Z][\w .'\-]{1,40}?):\s+(.*)$")
TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}:\d{2}[.,]\d{3}\s+-->")
FILLERS = re.compile(r"\b(um+|uh+|erm|like|you know|i mean|sort of|kind of|basically|actually|just)\b", re.I)
CUT_OFF = re.compile(r"(--|—|…)\s*$")


def turns(path: pathlib.Path):
    """Yield (speaker, text) turns, merging consecutive cues by the same speaker."""
    current, buf = None, []
    for raw in path.read_text(encoding="utf-8", errors="ignore").splitlines():
        line = raw.strip()
        if not line or line == "WEBVTT" or line.isdigit() or TIMESTAMP.match(line):
            continue
        speaker, text = None, None
        m = VOICE_TAG.search(line)
        if m:
            speaker, text = m.group(1).strip(), m.group(2).strip()
        else:
            m = NAME_LINE.match(line)
            if m:
                speaker, text = m.group(1).strip(), m.group(2).strip()
        if speaker is None:
            if current:
                buf.append(line)
            continue
        if speaker != current and current is not None:
            yield current, " ".join(buf)
            buf = []
        current = speaker
        buf.append(text)
    if current:
        yield current, " ".join(buf)


def analyse(path: pathlib.Path, me: str) -> dict:
    all_turns = list(turns(path))
    me_l = me.lower()
    mine = [t for s, t in all_turns if s.lower() == me_l or s.lower().startswith(me_l.split()[0])]
    total_words = sum(len(t.split()) for _, t in all_turns) or 1
    my_words = sum(len(t.split()) for t in mine)
    interruptions = 0
    for (s1, t1), (s2, _) in zip(all_turns, all_turns[1:]):
        if s2.lower().startswith(me_l.split()[0]) and s1 != s2 and CUT_OFF.search(t1):
            interruptions += 1
    return {
        "meeting": path.name,
        "talk_pct": round(100 * my_words / total_words, 1),
        "turns": len(mine),
        "avg_words": round(my_words / len(mine), 1) if mine else 0,
        "questions": sum(t.count("?") for t in mine),
        "fillers_per_100w": round(100 * sum(len(FILLERS.findall(t)) for t in mine) / my_words, 1) if my_words else 0,
        "interruptions": interruptions,
        "speakers": sorted({s for s, _ in all_turns}),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("--me", required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in {".vtt", ".srt", ".txt", ".md"})
    rows = [analyse(p, args.me) for p in files]
    rows = [r for r in rows if r["speakers"]]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'meeting':<34}{'talk%':>6}{'turns':>7}{'avg_words':>11}{'questions':>11}{'fillers/100w':>14}{'interruptions':>15}")
    for r in rows:
        print(f"{r['meeting'][:33]:<34}{r['talk_pct']:>6}{r['turns']:>7}{r['avg_words']:>11}"
              f"{r['questions']:>11}{r['fillers_per_100w']:>14}{r['interruptions']:>15}")
    missing = [r["meeting"] for r in rows if r["turns"] == 0]
    if missing:
        print(f"\n'{args.me}' not found as a speaker in: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
