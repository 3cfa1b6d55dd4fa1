#!/usr/bin/env python3
"""Sentence-aware subtitle translation helper: split into sentence groups, merge translations back.

    subs.py split INPUT.srt|.vtt --to DE [--out work/] [--glossary glossary.json] [--max-cps 17]
    subs.py merge work/ [--out OUTPUT.srt] [--max-chars 42] [--max-cps 17]

The translation itself (work/groups.json -> work/translations.json) is done by the agent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import timedelta
from pathlib import Path

import srt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glossary import Glossary  # noqa: E402

TAG_RE = re.compile(r"</?[ibu]>|\{\\an\d\}|<font[^>]*>|</font>")
END_RE = re.compile(r"[.?!…]['\"»”)]?$")


def read_subs(path: Path) -> list[srt.Subtitle]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".vtt":
        text = re.sub(r"^WEBVTT.*?\n\n", "", text, flags=re.S)
        text = re.sub(r"(\d\d:\d\d)\.(\d\d\d)", r"\1,\2", text)
        text = re.sub(r"^(\d\d:\d\d,\d\d\d) -->", r"00:\1 -->", text, flags=re.M)
        text = re.sub(r"--> (\d\d:\d\d,\d\d\d)(\s|$)", r"--> 00:\1\2", text)
        text = re.sub(r"(-->\s*\S+)[^\n]*", r"\1", text)  # drop cue settings
        blocks, n = [], 0
        for block in re.split(r"\n\s*\n", text.strip()):
            lines = block.splitlines()
            if lines and "-->" not in lines[0]:
                lines = lines[1:]
            n += 1
            blocks.append(f"{n}\n" + "\n".join(lines))
        text = "\n\n".join(blocks) + "\n"
    return list(srt.parse(text))


def write_subs(subs: list[srt.Subtitle], out: Path):
    if out.suffix.lower() == ".vtt":
        body = srt.compose(subs)
        body = re.sub(r"(\d\d:\d\d:\d\d),(\d\d\d)", r"\1.\2", body)
        body = re.sub(r"^\d+\n(?=\d\d:)", "", body, flags=re.M)
        out.write_text("WEBVTT\n\n" + body, encoding="utf-8")
    else:
        out.write_text(srt.compose(subs), encoding="utf-8")


def group_cues(subs: list[srt.Subtitle]) -> list[dict]:
    groups, cur = [], []
    for i, s in enumerate(subs):
        cur.append(s)
        clean = TAG_RE.sub("", s.content).replace("\n", " ").strip()
        gap = (subs[i + 1].start - s.end) if i + 1 < len(subs) else timedelta(seconds=99)
        if END_RE.search(clean) or gap > timedelta(seconds=1.5) or len(cur) >= 6:
            groups.append({"cues": cur, "src": " ".join(TAG_RE.sub("", c.content).replace("\n", " ").strip() for c in cur),
                           "start": str(cur[0].start), "end": str(cur[-1].end)})
            cur = []
    return groups


def wrap_two_lines(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    words = text.split()
    best, best_score = text, 10 ** 9
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        score = abs(len(a) - len(b)) + (0 if re.search(r"[,;:]$", a) else 8)
        if len(a) <= max_chars and len(b) <= max_chars and score < best_score:
            best, best_score = f"{a}\n{b}", score
    return best


def distribute(translation: str, cues: list[srt.Subtitle], max_chars: int) -> list[str]:
    if len(cues) == 1:
        return [wrap_two_lines(translation, max_chars)]
    weights = [max(len(TAG_RE.sub("", c.content)), 1) for c in cues]
    total = sum(weights)
    words = translation.split()
    parts, start = [], 0
    for i, w in enumerate(weights):
        if i == len(weights) - 1:
            chunk = words[start:]
        else:
            target_len = len(translation) * w / total
            acc, end = 0, start
            while end < len(words) and acc + len(words[end]) / 2 < target_len:
                acc += len(words[end]) + 1
                end += 1
            # prefer to end a cue after punctuation
            for k in range(end, max(start, end - 3), -1):
                if re.search(r"[,.;:?!]$", words[k - 1]):
                    end = k
                    break
            chunk = words[start:end]
            start = end
        parts.append(wrap_two_lines(" ".join(chunk), max_chars))
    return parts


def cmd_split(args) -> int:
    subs = read_subs(args.input)
    groups = group_cues(subs)
    gl = Glossary(args.glossary, args.to)
    gl.pull()
    out = []
    for i, g in enumerate(groups, start=1):
        dur = (g["cues"][-1].end - g["cues"][0].start).total_seconds()
        terms = {k: v for k, v in gl.terms.items() if re.search(rf"\b{re.escape(k)}\b", g["src"], re.I)}
        gl.note_guesses(g["src"])
        out.append({"id": str(i), "cues": [c.index for c in g["cues"]], "src": g["src"],
                    "start": g["start"], "end": g["end"], "terms": terms,
                    "budget": int(dur * args.max_cps)})
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "groups.json").write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    meta = {"input": str(args.input.resolve()), "target": args.to.upper(),
            "glossary": str(gl.path), "guessed": gl.guessed}
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(subs)} cues -> {len(out)} sentence groups in {args.out / 'groups.json'}")
    return 0


def cmd_merge(args) -> int:
    meta = json.loads((args.work / "meta.json").read_text(encoding="utf-8"))
    groups_meta = json.loads((args.work / "groups.json").read_text(encoding="utf-8"))
    translations = json.loads((args.work / "translations.json").read_text(encoding="utf-8"))
    source = Path(meta["input"])
    subs = {s.index: s for s in read_subs(source)}
    missing = [g["id"] for g in groups_meta if g["id"] not in translations]
    if missing:
        sys.exit(f"translations.json is missing group(s): {', '.join(missing[:20])}")

    new_subs, warnings, contributed = [], [], []
    for g in groups_meta:
        cues = [subs[i] for i in g["cues"]]
        tgt = TAG_RE.sub("", translations[g["id"]]).strip()
        contributed.append({"src": g["src"], "tgt": tgt, "start": g["start"], "end": g["end"]})
        for cue, text in zip(cues, distribute(tgt, cues, args.max_chars)):
            italic = cue.content.strip().startswith("<i>")
            content = f"<i>{text}</i>" if italic else text
            new_subs.append(srt.Subtitle(index=cue.index, start=cue.start, end=cue.end, content=content))
            dur = (cue.end - cue.start).total_seconds() or 0.001
            cps = len(text.replace("\n", "")) / dur
            if cps > args.max_cps:
                warnings.append(f"#{cue.index} {cps:.1f} cps")
            for line in text.splitlines():
                if len(line) > args.max_chars:
                    warnings.append(f"#{cue.index} line {len(line)} chars")

    out = args.out or source.with_name(f"{source.stem}.{meta['target'].lower()}{source.suffix}")
    write_subs(new_subs, out)
    gl = Glossary(Path(meta["glossary"]), meta["target"])
    gl.guessed = meta.get("guessed", [])
    gl.contribute(source.name, contributed)
    print(f"wrote {out} ({len(new_subs)} cues)")
    if warnings:
        print(f"{len(warnings)} QA warning(s): " + ", ".join(warnings[:30]))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("split")
    sp.add_argument("input", type=Path)
    sp.add_argument("--to", required=True)
    sp.add_argument("--out", type=Path, default=Path("work"))
    sp.add_argument("--glossary", type=Path)
    sp.add_argument("--max-cps", type=float, default=17)
    sp.set_defaults(fn=cmd_split)
    mp = sub.add_parser("merge")
    mp.add_argument("work", type=Path)
    mp.add_argument("--out", type=Path)
    mp.add_argument("--max-chars", type=int, default=42)
    mp.add_argument("--max-cps", type=float, default=17)
    mp.set_defaults(fn=cmd_merge)
    args = ap.parse_args()
    return args.fn(args)


if __name__ == "__main__":
    raise SystemExit(main())
