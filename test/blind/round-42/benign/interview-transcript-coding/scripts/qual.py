#!/usr/bin/env python3
"""Qualitative coding helper: prepare segments, report frequencies/quotes, inter-coder agreement."""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

try:
    import yaml
except ImportError:
    yaml = None

TS = r"(\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
CUE_TIME = re.compile(rf"^({TS})\s*-->\s*({TS})")
VOICE = re.compile(r"^<v(?:\.[^ >]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
PREFIX = re.compile(r"^([A-Z][\w .'-]{0,40}):\s+(.*)$")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
PHONE = re.compile(r"(?<!\d)(\+?\d[\d ()-]{7,}\d)(?!\d)")
URL = re.compile(r"https?://\S+")
INTERVIEWER = re.compile(r"^(int(erviewer)?|moderator|facilitator|researcher)\b", re.I)


def parse_file(path: Path) -> list[dict]:
    """Return cues: {speaker, start, end, text}."""
    if path.suffix.lower() == ".docx":
        import docx
        lines = [p.text for p in docx.Document(str(path)).paragraphs]
    else:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    cues, cur = [], None
    for line in lines:
        line = line.strip()
        m = CUE_TIME.match(line)
        if m:
            cur = {"speaker": None, "start": m.group(1).replace(",", "."), "end": m.group(3).replace(",", "."), "text": ""}
            cues.append(cur)
            continue
        if not line or line == "WEBVTT" or line.isdigit() or line.startswith("NOTE"):
            continue
        v = VOICE.match(line) or PREFIX.match(line)
        speaker, text = (v.group(1).strip(), v.group(2).strip()) if v else (None, line)
        if cur is None:  # plain text transcript
            cues.append({"speaker": speaker, "start": "", "end": "", "text": text})
            continue
        cur["speaker"] = cur["speaker"] or speaker
        cur["text"] = f"{cur['text']} {re.sub(r'<[^>]+>', '', text)}".strip()
        if not cur["speaker"] and cues[:-1]:
            cur["speaker"] = cues[-2]["speaker"]
    for i, c in enumerate(cues):
        if c["speaker"] is None and i:
            c["speaker"] = cues[i - 1]["speaker"]
    return [c for c in cues if c["text"]]


def turns(cues: list[dict], max_words: int = 120) -> list[dict]:
    merged: list[dict] = []
    for c in cues:
        if merged and merged[-1]["speaker"] == c["speaker"]:
            merged[-1]["text"] += " " + c["text"]
            merged[-1]["end"] = c["end"] or merged[-1]["end"]
        else:
            merged.append(dict(c))
    out = []
    for t in merged:
        sentences = re.split(r"(?<=[.!?])\s+", t["text"])
        chunk: list[str] = []
        for s in sentences:
            chunk.append(s)
            if sum(len(x.split()) for x in chunk) >= max_words:
                out.append({**t, "text": " ".join(chunk)})
                chunk = []
        if chunk:
            out.append({**t, "text": " ".join(chunk)})
    return out


def scrub(text: str, names: list[str]) -> str:
    text = EMAIL.sub("[EMAIL]", text)
    text = URL.sub("[URL]", text)
    text = PHONE.sub("[PHONE]", text)
    for n in names:
        text = re.sub(rf"\b{re.escape(n)}\b", "[NAME]", text, flags=re.I)
    return text


def cmd_prepare(a) -> None:
    a.out.mkdir(parents=True, exist_ok=True)
    names = [l.strip() for l in a.names.read_text().splitlines() if l.strip()] if a.names else []
    key_rows, seg_rows = [], []
    for f in a.files:
        cues = parse_file(f)
        mapping: dict[str, str] = {}
        for c in cues:
            sp = c["speaker"] or "UNKNOWN"
            if sp not in mapping:
                mapping[sp] = "INT" if INTERVIEWER.match(sp) else f"P{len([v for v in mapping.values() if v != 'INT']) + 1:02d}"
        stem = re.sub(r"\W+", "-", f.stem)[:30]
        for sp, code in mapping.items():
            key_rows.append([f.name, sp, f"{stem}:{code}"])
        for i, t in enumerate(turns(cues), 1):
            pid = mapping[t["speaker"] or "UNKNOWN"]
            seg_rows.append([f"{stem}-{i:04d}", f.name, f"{stem}:{pid}" if pid != "INT" else "INT",
                             t["start"], t["end"], scrub(t["text"], names + list(mapping)), "", ""])
    with (a.out / "segments.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["segment_id", "file", "participant", "start", "end", "text", "codes", "memo"])
        w.writerows(seg_rows)
    with (a.out / "pseudonym-key.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "original_speaker", "pseudonym"])
        w.writerows(key_rows)
    print(f"{len(seg_rows)} segments from {len(a.files)} file(s) -> {a.out / 'segments.csv'}")
    print(f"pseudonym key -> {a.out / 'pseudonym-key.csv'} (keep private; do not share with results)")


def load_segments(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["code_list"] = [c.strip() for c in re.split(r"[;,]", r.get("codes", "")) if c.strip()]
    return rows


def cmd_report(a) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rows = [r for r in load_segments(a.segments) if r["participant"] != "INT"]
    known = []
    if a.codebook and yaml:
        known = [c["name"] for c in yaml.safe_load(a.codebook.read_text())["codes"]]
    seg_count, part_sets = Counter(), defaultdict(set)
    matrix: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for c in r["code_list"]:
            seg_count[c] += 1
            part_sets[c].add(r["participant"])
            matrix[r["participant"]][c] += 1
    codes = known + sorted(set(seg_count) - set(known))
    unknown = sorted(set(seg_count) - set(known)) if known else []

    wb = Workbook()
    ws = wb.active
    ws.title = "Frequencies"
    ws.append(["code", "segments", "participants", "in codebook"])
    for c in sorted(codes, key=lambda c: (-len(part_sets[c]), -seg_count[c])):
        ws.append([c, seg_count[c], len(part_sets[c]), "yes" if c in known or not known else "NO"])
    m = wb.create_sheet("Matrix")
    parts = sorted(matrix)
    m.append(["participant"] + codes)
    for p in parts:
        m.append([p] + [matrix[p][c] or None for c in codes])
    for c in codes:
        q = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "-", c)[:31])
        q.append(["participant", "start", "segment_id", "quote", "memo"])
        for r in rows:
            if c in r["code_list"]:
                q.append([r["participant"], r["start"], r["segment_id"], r["text"], r.get("memo", "")])
        q.column_dimensions["D"].width = 100
        for cell in q["D"]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    u = wb.create_sheet("Uncoded")
    u.append(["participant", "segment_id", "text"])
    for r in rows:
        if not r["code_list"]:
            u.append([r["participant"], r["segment_id"], r["text"]])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    wb.save(a.out)
    print(f"wrote {a.out}: {len(codes)} codes, {len(parts)} participants, "
          f"{sum(1 for r in rows if not r['code_list'])} uncoded segments")
    if unknown:
        print(f"codes not in the codebook: {', '.join(unknown)}")


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def cmd_agree(a) -> None:
    one = {r["segment_id"]: set(r["code_list"]) for r in load_segments(a.first)}
    two = {r["segment_id"]: set(r["code_list"]) for r in load_segments(a.second)}
    shared = sorted(set(one) & set(two))
    if not shared:
        sys.exit("error: no common segment ids")
    codes = sorted(set().union(*one.values(), *two.values()))
    print(f"{len(shared)} segments coded by both")
    for c in codes:
        k = kappa([c in one[s] for s in shared], [c in two[s] for s in shared])
        flag = "  <- tighten definition" if k < 0.6 else ""
        print(f"{c:<28} kappa={k:5.2f}{flag}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--codebook", type=Path)
    p.add_argument("--names", type=Path)
    p.add_argument("--out", type=Path, default=Path("work"))
    r = sub.add_parser("report")
    r.add_argument("segments", type=Path)
    r.add_argument("--codebook", type=Path)
    r.add_argument("--out", type=Path, default=Path("work/report.xlsx"))
    g = sub.add_parser("agree")
    g.add_argument("first", type=Path)
    g.add_argument("second", type=Path)
    a = ap.parse_args()
    {"prepare": cmd_prepare, "report": cmd_report, "agree": cmd_agree}[a.cmd](a)


if __name__ == "__main__":
    main()
