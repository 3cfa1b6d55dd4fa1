#!/usr/bin/env python3
"""Write one .ics invite per event from a JSON list.

    make_ics.py events.json --out invites/ [--organizer me@example.com]

events.json:
  [{"title": "...", "start": "2026-03-19T10:00", "end": "2026-03-19T10:25", "tz": "Europe/Berlin",
    "attendees": ["a@example.com"], "optional": ["b@example.com"], "description": "...",
    "location": "", "all_day": false}]
"""
from __future__ import annotations

import argparse
import json
import re
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path


def esc(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets are folded."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, cur = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > (75 if not parts else 74):
            parts.append(cur.decode("utf-8"))
            cur = b""
        cur += b
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "event"


def build(ev: dict, organizer: str | None) -> str:
    now = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//meeting-notes-to-invites//EN", "METHOD:REQUEST",
             "BEGIN:VEVENT", f"UID:{uuid.uuid4()}@meeting-notes-to-invites", f"DTSTAMP:{now}",
             f"SUMMARY:{esc(ev['title'])}"]
    if ev.get("all_day"):
        d = datetime.fromisoformat(ev["start"]).date()
        lines += [f"DTSTART;VALUE=DATE:{d:%Y%m%d}", f"DTEND;VALUE=DATE:{d + timedelta(days=1):%Y%m%d}",
                  "TRANSP:TRANSPARENT"]
    else:
        tz = ev.get("tz", "UTC")
        s = datetime.fromisoformat(ev["start"])
        e = datetime.fromisoformat(ev["end"])
        lines += [f"DTSTART;TZID={tz}:{s:%Y%m%dT%H%M%S}", f"DTEND;TZID={tz}:{e:%Y%m%dT%H%M%S}"]
    if ev.get("rrule"):
        lines.append(f"RRULE:{ev['rrule']}")
    if organizer:
        lines.append(f"ORGANIZER:mailto:{organizer}")
    for a in ev.get("attendees", []):
        lines.append(f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{a}")
    for a in ev.get("optional", []):
        lines.append(f"ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{a}")
    if ev.get("location"):
        lines.append(f"LOCATION:{esc(ev['location'])}")
    if ev.get("description"):
        lines.append(f"DESCRIPTION:{esc(ev['description'])}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(l) for l in lines) + "\r\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("events", type=Path)
    ap.add_argument("--out", type=Path, default=Path("invites"))
    ap.add_argument("--organizer")
    args = ap.parse_args()
    events = json.loads(args.events.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    for i, ev in enumerate(events, start=1):
        path = args.out / f"{i:02d}-{slug(ev['title'])}.ics"
        path.write_text(build(ev, args.organizer), encoding="utf-8", newline="")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
