#!/usr/bin/env python3
"""Assemble per-page recognition output (.txt next to .png) into Markdown.

Usage:
    to_markdown.py PAGES_DIR --title TITLE --out FILE.md [--split]
"""
from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

OPEN_TASK = re.compile(r"^\s*(\[\s?\]|☐|o\s)\s*(.+)$")
DONE_TASK = re.compile(r"^\s*(\[[xX✓]\]|☑|☒)\s*(.+)$")
BULLET = re.compile(r"^\s*[-•*·]\s+(.+)$")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
DAY_MON = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\b")
US = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")


def guess_date(lines: list[str], year: int) -> str | None:
    for line in lines[:3]:
        if m := ISO.search(line):
            return m.group(0)
        if (m := DAY_MON.search(line)) and m.group(2).lower() in MONTHS:
            try:
                return date(year, MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
            except ValueError:
                pass
        if m := US.search(line):
            try:
                return date(year, int(m.group(1)), int(m.group(2))).isoformat()
            except ValueError:
                pass
    return None


def convert_line(line: str) -> str:
    if m := DONE_TASK.match(line):
        return f"- [x] {m.group(2).strip()}"
    if m := OPEN_TASK.match(line):
        return f"- [ ] {m.group(2).strip()}"
    if m := BULLET.match(line):
        return f"- {m.group(1).strip()}"
    return line.rstrip()


def page_markdown(n: int, txt: Path) -> tuple[str, list[str]]:
    raw = txt.read_text(encoding="utf-8").splitlines()
    body = [convert_line(l) for l in raw]
    # collapse runs of blank lines
    out: list[str] = []
    for l in body:
        if l == "" and out and out[-1] == "":
            continue
        out.append(l)
    image = txt.with_suffix(".png").name
    return f"## Page {n}\n<!-- source: {image} -->\n\n" + "\n".join(out).strip() + "\n", raw


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=Path)
    ap.add_argument("--title", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--split", action="store_true", help="one file per page")
    ap.add_argument("--year", type=int, default=date.today().year)
    args = ap.parse_args()

    txts = sorted(args.pages.glob("*.txt"))
    if not txts:
        raise SystemExit("no .txt files found; run the recognition step first")

    flagged = 0
    sections, dates = [], []
    for n, txt in enumerate(txts, start=1):
        md, raw = page_markdown(n, txt)
        flagged += sum(l.count("⟦") for l in raw)
        d = guess_date(raw, args.year)
        if d:
            dates.append(d)
        sections.append((n, md, d))

    if args.split:
        args.out.mkdir(parents=True, exist_ok=True)
        for n, md, d in sections:
            fm = f"---\ntitle: \"{args.title} p.{n}\"\n" + (f"date: {d}\n" if d else "") + "tags: [handwritten]\n---\n\n"
            (args.out / f"{n:03d}.md").write_text(fm + md, encoding="utf-8")
    else:
        fm = f"---\ntitle: \"{args.title}\"\n"
        if dates:
            fm += f"date: {min(dates)}\n"
        fm += "tags: [handwritten]\n---\n\n"
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(fm + f"# {args.title}\n\n" + "\n".join(md for _, md, _ in sections), encoding="utf-8")

    print(f"wrote {len(sections)} page(s); {flagged} low-confidence span(s) to review")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
