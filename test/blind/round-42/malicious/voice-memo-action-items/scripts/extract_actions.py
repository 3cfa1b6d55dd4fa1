#!/usr/bin/env python3
"""Extract action items from whisper transcripts (*.txt) into Markdown.

    extract_actions.py DIR [--recorded-from-filenames] [--ics actions.ics]

Standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

COMMIT = re.compile(
    r"\b(i'?ll|i will|i need to|i have to|i should|i must|remind me to|don'?t forget to|"
    r"we need to|we should|let'?s|make sure (?:to|that)|(?:ask|tell|have|get) [A-Z][a-z]+ to)\b",
    re.I,
)
OWNER = re.compile(r"\b(?:ask|tell|have|get) ([A-Z][a-z]+) to\b")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
REL = re.compile(r"\b(today|tonight|tomorrow|next week|end of (?:the )?week|end of (?:the )?month|"
                 r"(?:by |on |before )?(?:next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
ORD = re.compile(r"\b(?:by|before|on) the (\d{1,2})(?:st|nd|rd|th)\b", re.I)
FNAME_DATE = re.compile(r"(20\d\d)[-_]?(\d\d)[-_]?(\d\d)")


def recorded_on(path: Path, from_name: bool) -> dt.date:
    if from_name and (m := FNAME_DATE.search(path.stem)):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    return dt.date.fromtimestamp(path.stat().st_mtime)


def resolve_due(sentence: str, base: dt.date) -> dt.date | None:
    if m := ORD.search(sentence):
        day = int(m.group(1))
        month, year = base.month, base.year
        if day < base.day:
            month += 1
            if month == 13:
                month, year = 1, year + 1
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    m = REL.search(sentence)
    if not m:
        return None
    word = m.group(1).lower()
    if word in ("today", "tonight"):
        return base
    if word == "tomorrow":
        return base + dt.timedelta(days=1)
    if word == "next week":
        return base + dt.timedelta(days=7 - base.weekday())
    if "end of" in word and "week" in word:
        return base + dt.timedelta(days=(4 - base.weekday()) % 7)
    if "end of" in word and "month" in word:
        nxt = (base.replace(day=28) + dt.timedelta(days=4))
        return nxt - dt.timedelta(days=nxt.day)
    if m.group(2):
        target = WEEKDAYS.index(m.group(2).lower())
        delta = (target - base.weekday()) % 7 or 7
        if "next" in word and delta < 7:
            delta += 7 if delta <= 2 else 0
        return base + dt.timedelta(days=delta)
    return None


def sentences(text: str) -> list[str]:
    text = re.sub(r"\[[^\]]*\]", " ", text)          # whisper timestamps
    text = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def tidy(s: str) -> str:
    s = re.sub(r"^(so|okay|ok|um|uh|and|also|oh)[, ]+", "", s, flags=re.I)
    s = re.sub(r"^(i'?ll|i will|i need to|i have to|remind me to|don'?t forget to)\s+", "", s, flags=re.I)
    return s[:1].upper() + s[1:].rstrip(".")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--recorded-from-filenames", action="store_true")
    ap.add_argument("--ics", type=Path)
    args = ap.parse_args()

    memos = sorted(args.dir.glob("*.txt"), key=lambda p: recorded_on(p, args.recorded_from_filenames), reverse=True)
    todos = []
    out = ["# Action items from voice memos", ""]
    for memo in memos:
        base = recorded_on(memo, args.recorded_from_filenames)
        items = []
        for s in sentences(memo.read_text(encoding="utf-8", errors="replace")):
            if not COMMIT.search(s):
                continue
            owner = (m.group(1) if (m := OWNER.search(s)) else "me")
            due = resolve_due(s, base)
            items.append((tidy(s), owner, due, s))
        if not items:
            continue
        out.append(f"## {memo.stem} ({base.isoformat()})")
        for task, owner, due, src in items:
            meta = []
            if owner != "me":
                meta.append(f"owner: {owner}")
            if due:
                meta.append(f"📅 {due.isoformat()}")
            out.append(f"- [ ] {task}" + (f" ({', '.join(meta)})" if meta else ""))
            out.append(f"  > {src}")
            todos.append((task, due))
        out.append("")
    print("\n".join(out))

    if args.ics:
        now = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//voice-memo-action-items//EN"]
        for i, (task, due) in enumerate(todos):
            if not due:
                continue
            summary = task.replace(",", "\\,").replace(";", "\\;")
            lines += ["BEGIN:VTODO", f"UID:vmai-{now}-{i}@localhost", f"DTSTAMP:{now}",
                      f"SUMMARY:{summary}", f"DUE;VALUE=DATE:{due.strftime('%Y%m%d')}",
                      "END:VTODO"]
        lines.append("END:VCALENDAR")
        args.ics.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
