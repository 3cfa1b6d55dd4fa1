#!/usr/bin/env python3
"""Clean podcast transcripts: inspect | clean | diff | chapters | export."""
import argparse
import difflib
import json
import re
import sys
from pathlib import Path

FILLERS = {
    "en": {"light": [r"\bu+m+\b", r"\bu+h+\b", r"\berm\b", r"\bhmm+\b"],
           "standard": [r"\byou know,?\s", r"(?<=[,.] )like,?\s", r"\bI mean,?\s(?=I mean)"]},
    "es": {"light": [r"\beh+\b", r"\bmmm+\b"], "standard": [r"\beste,?\s", r"\bo sea,?\s"]},
    "de": {"light": [r"\bähm+\b", r"\bäh+\b"], "standard": [r"\bhalt\s(?=halt)"]},
}
STUTTER = re.compile(r"\b(\w+)(\s+\1\b)+", re.I)
TS = re.compile(r"(\d+):(\d{2}):(\d{2})[,.](\d{3})")


def ts_to_s(t):
    m = TS.match(t)
    h, mi, s, ms = map(int, m.groups())
    return h * 3600 + mi * 60 + s + ms / 1000


def s_to_ts(s, sep=","):
    h, rem = divmod(int(s), 3600)
    m, sec = divmod(rem, 60)
    return f"{h:02}:{m:02}:{sec:02}{sep}{int(round((s % 1) * 1000)):03}"


def load(path):
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".json":
        data = json.loads(text)
        segs = data.get("segments", data if isinstance(data, list) else [])
        return [{"start": float(s["start"]), "end": float(s["end"]),
                 "speaker": s.get("speaker", ""), "text": s["text"].strip()} for s in segs]
    if p.suffix in (".srt", ".vtt"):
        segs = []
        for block in re.split(r"\n\s*\n", text.strip()):
            lines = [l for l in block.splitlines() if l.strip() and l.strip() != "WEBVTT"]
            tline = next((l for l in lines if "-->" in l), None)
            if not tline:
                continue
            a, b = [x.strip() for x in tline.split("-->")]
            body = " ".join(lines[lines.index(tline) + 1:])
            spk = ""
            m = re.match(r"^([A-Z][\w .'-]{0,30}):\s+(.*)", body)
            if m:
                spk, body = m.groups()
            segs.append({"start": ts_to_s(a.replace(".", ",")), "end": ts_to_s(b.split()[0].replace(".", ",")),
                         "speaker": spk, "text": body})
        return segs
    segs, cur = [], None
    for line in text.splitlines():
        m = re.match(r"^(.+?)\s+\(?(\d{1,2}):(\d{2})(?::(\d{2}))?\)?\s*$", line)
        m2 = re.match(r"^([\w .'-]{1,30}):\s+(.*)$", line)
        if m:
            parts = [int(x) for x in m.groups()[1:] if x]
            sec = parts[0] * 60 + parts[1] if len(parts) == 2 else parts[0] * 3600 + parts[1] * 60 + parts[2]
            cur = {"start": float(sec), "end": float(sec), "speaker": m.group(1).strip(), "text": ""}
            segs.append(cur)
        elif m2:
            cur = {"start": segs[-1]["end"] if segs else 0.0, "end": 0.0, "speaker": m2.group(1), "text": m2.group(2)}
            segs.append(cur)
        elif cur and line.strip():
            cur["text"] += (" " if cur["text"] else "") + line.strip()
    for a, b in zip(segs, segs[1:]):
        a["end"] = b["start"]
    return segs


def glossary(path):
    rules = []
    if not path:
        return rules
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "=>" in line and not line.lstrip().startswith("#"):
            a, b = [x.strip() for x in line.split("=>", 1)]
            rules.append((re.compile(r"\b" + re.escape(a) + r"\b", re.I), b))
    return rules


def in_ranges(t, ranges):
    return any(a <= t <= b for a, b in ranges)


def clean_text(text, level, lang):
    pats = FILLERS.get(lang, FILLERS["en"])
    out = text
    for p in pats["light"] + (pats["standard"] if level in ("standard", "edited") else []):
        out = re.sub(p + r",?\s*", "", out, flags=re.I)
    out = STUTTER.sub(r"\1", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    out = re.sub(r"\s+([,.?!])", r"\1", out)
    return out[:1].upper() + out[1:] if out else out


def cmd_inspect(a):
    segs = load(a.file)
    spk = sorted({s["speaker"] for s in segs if s["speaker"]})
    dur = segs[-1]["end"] if segs else 0
    print(json.dumps({"segments": len(segs), "duration": s_to_ts(dur), "speakers": spk}, indent=2))


def cmd_clean(a):
    segs = load(a.file)
    names = json.loads(Path(a.speakers).read_text()) if a.speakers else {}
    rules = glossary(a.glossary)
    keep = []
    for r in a.keep_verbatim or []:
        x, y = r.split("-")
        keep.append((ts_to_s(x + ",000"), ts_to_s(y + ",000")))
    out = []
    for s in segs:
        s = dict(s)
        s["speaker"] = names.get(s["speaker"], s["speaker"])
        if not in_ranges(s["start"], keep):
            s["text"] = clean_text(s["text"], a.level, a.lang)
            for pat, rep in rules:
                s["text"] = pat.sub(rep, s["text"])
            if a.bleep:
                s["text"] = re.sub(r"\b(fuck\w*|shit\w*)\b", "[bleep]", s["text"], flags=re.I)
        if not s["text"]:
            continue
        if out and out[-1]["speaker"] == s["speaker"] and not re.search(r"[.?!]$", out[-1]["text"]):
            out[-1]["text"] += " " + s["text"][:1].lower() + s["text"][1:]
            out[-1]["end"] = s["end"]
        else:
            out.append(s)
    Path(a.output).write_text(json.dumps({"segments": out}, indent=2, ensure_ascii=False), encoding="utf-8")
    before = sum(len(s["text"].split()) for s in segs)
    after = sum(len(s["text"].split()) for s in out)
    print(f"{before} -> {after} words ({100 * (before - after) / max(before, 1):.1f}% removed)")


def cmd_diff(a):
    x = [s["text"] for s in load(a.a)]
    y = [s["text"] for s in load(a.b)]
    sys.stdout.writelines(difflib.unified_diff([t + "\n" for t in x], [t + "\n" for t in y], a.a, a.b))


def cmd_chapters(a):
    segs = load(a.file)
    last = -a.min_gap
    print("00:00 Intro")
    for prev, s in zip(segs, segs[1:]):
        pause = s["start"] - prev["end"]
        if s["start"] - last >= a.min_gap and (pause > 1.5 or s["text"].endswith("?")):
            m, sec = divmod(int(s["start"]), 60)
            h, m = divmod(m, 60)
            stamp = f"{h}:{m:02}:{sec:02}" if h else f"{m:02}:{sec:02}"
            print(f"{stamp} {' '.join(s['text'].split()[:6])}")
            last = s["start"]


def wrap(text, width=42):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return lines


def cmd_export(a):
    segs = load(a.file)
    out = []
    if a.format == "md":
        seen = set()
        for s in segs:
            name = s["speaker"] or "Speaker"
            label = name if name not in seen else name.split()[0]
            seen.add(name)
            m, sec = divmod(int(s["start"]), 60)
            out.append(f"**{label}:** [{m:02}:{sec:02}] {s['text']}\n")
    else:
        if a.format == "vtt":
            out.append("WEBVTT\n")
        n = 0
        for s in segs:
            lines = wrap(s["text"])
            chunks = [lines[i:i + 2] for i in range(0, len(lines), 2)]
            span = (s["end"] - s["start"]) / max(len(chunks), 1)
            for i, c in enumerate(chunks):
                n += 1
                st, en = s["start"] + i * span, s["start"] + (i + 1) * span
                sep = "." if a.format == "vtt" else ","
                if a.format == "srt":
                    out.append(str(n))
                out.append(f"{s_to_ts(st, sep)} --> {s_to_ts(en, sep)}")
                out.extend(c)
                out.append("")
    Path(a.output).write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {a.output}")


def main():
    ap = argparse.ArgumentParser(prog="clean_transcript")
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect"); i.add_argument("file")
    c = sub.add_parser("clean"); c.add_argument("file"); c.add_argument("--speakers")
    c.add_argument("--level", choices=["light", "standard", "edited"], default="standard")
    c.add_argument("--lang", default="en"); c.add_argument("--glossary")
    c.add_argument("--keep-verbatim", action="append"); c.add_argument("--bleep", action="store_true")
    c.add_argument("-o", "--output", required=True)
    d = sub.add_parser("diff"); d.add_argument("a"); d.add_argument("b")
    ch = sub.add_parser("chapters"); ch.add_argument("file"); ch.add_argument("--min-gap", type=float, default=240)
    e = sub.add_parser("export"); e.add_argument("file")
    e.add_argument("--format", choices=["md", "srt", "vtt"], required=True); e.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    {"inspect": cmd_inspect, "clean": cmd_clean, "diff": cmd_diff, "chapters": cmd_chapters, "export": cmd_export}[a.cmd](a)


if __name__ == "__main__":
    main()
