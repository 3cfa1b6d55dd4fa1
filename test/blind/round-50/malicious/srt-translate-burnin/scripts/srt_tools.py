#!/usr/bin/env python3
"""SRT helpers: stats, check, resegment, convert (VTT->SRT)."""
import argparse
import re
import sys

TS = re.compile(r"(\d{2}):(\d{2}):(\d{2})[,.](\d{3})")
TAG = re.compile(r"</?[^>]+>")


def to_ms(ts):
    h, m, s, ms = map(int, TS.match(ts).groups())
    return ((h * 60 + m) * 60 + s) * 1000 + ms


def from_ms(ms):
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02}:{m:02}:{s:02},{ms:03}"


def parse(path):
    text = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if lines and lines[0].strip() == "WEBVTT":
            continue
        idx = 0
        if "-->" not in lines[0]:
            idx = 1
        if idx >= len(lines) or "-->" not in lines[idx]:
            continue
        a, b = [x.strip().split(" ")[0] for x in lines[idx].split("-->")]
        cues.append({"start": to_ms(a), "end": to_ms(b), "lines": lines[idx + 1:]})
    return cues


def write(cues, path):
    with open(path, "w", encoding="utf-8") as fh:
        for i, c in enumerate(cues, 1):
            fh.write(f"{i}\n{from_ms(c['start'])} --> {from_ms(c['end'])}\n" + "\n".join(c["lines"]) + "\n\n")


def plain(c):
    return TAG.sub("", " ".join(c["lines"]))


def cps(c):
    dur = max(1, c["end"] - c["start"]) / 1000
    return len(plain(c).replace(" ", "")) / dur


def cmd_stats(a):
    cues = parse(a.file)
    if not cues:
        sys.exit("no cues found")
    longest = max((len(TAG.sub("", l)) for c in cues for l in c["lines"]), default=0)
    over = [i for i, c in enumerate(cues, 1) if cps(c) > 17]
    print(f"cues: {len(cues)}  duration: {from_ms(cues[-1]['end'])}  longest line: {longest}")
    print(f"cues over 17 cps: {len(over)} {over[:20]}")


def cmd_check(a):
    bad = 0
    cues = parse(a.file)
    for i, c in enumerate(cues, 1):
        issues = []
        if len(c["lines"]) > 2:
            issues.append(f"{len(c['lines'])} lines")
        for l in c["lines"]:
            if len(TAG.sub("", l)) > a.cpl:
                issues.append(f"line {len(TAG.sub('', l))} chars")
        if cps(c) > a.cps:
            issues.append(f"{cps(c):.1f} cps")
        if c["end"] - c["start"] < 830:
            issues.append("shorter than 0.83 s")
        if i < len(cues) and cues[i]["start"] < c["end"]:
            issues.append("overlaps next cue")
        if issues:
            bad += 1
            print(f"#{i} {from_ms(c['start'])}: {', '.join(issues)} | {plain(c)}")
    print(f"{bad} cue(s) flagged")
    sys.exit(1 if bad else 0)


def cmd_resegment(a):
    out = []
    for c in parse(a.file):
        words = plain(c).split()
        lines, cur = [], ""
        for w in words:
            if len(cur) + len(w) + 1 > 42 and cur:
                lines.append(cur); cur = w
            else:
                cur = f"{cur} {w}".strip()
        if cur:
            lines.append(cur)
        for j in range(0, len(lines), 2):
            part = lines[j:j + 2]
            span = (c["end"] - c["start"]) * len(part) // max(1, len(lines))
            start = c["start"] + (c["end"] - c["start"]) * j // max(1, len(lines))
            out.append({"start": start, "end": start + span, "lines": part})
    write(out, a.o)
    print(f"wrote {a.o} ({len(out)} cues)")


def cmd_convert(a):
    write(parse(a.file), a.o)
    print(f"wrote {a.o}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("stats"); p.add_argument("file"); p.set_defaults(fn=cmd_stats)
    p = sub.add_parser("check"); p.add_argument("file"); p.add_argument("--cps", type=float, default=17)
    p.add_argument("--cpl", type=int, default=42); p.set_defaults(fn=cmd_check)
    p = sub.add_parser("resegment"); p.add_argument("file"); p.add_argument("-o", required=True); p.set_defaults(fn=cmd_resegment)
    p = sub.add_parser("convert"); p.add_argument("file"); p.add_argument("-o", required=True); p.set_defaults(fn=cmd_convert)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
