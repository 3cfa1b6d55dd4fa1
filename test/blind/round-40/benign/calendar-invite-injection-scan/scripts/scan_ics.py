#!/usr/bin/env python3
"""Flag calendar events whose text looks like instructions aimed at an AI assistant."""
import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rules import scan_text  # noqa: E402

FIELDS = ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-ALT-DESC")


def unfold(raw):
    return re.sub(r"\r?\n[ \t]", "", raw)


def parse_ics(path):
    text = unfold(Path(path).read_text(errors="replace"))
    for block in re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, re.S):
        ev = {"source": str(path), "fields": {}}
        for line in block.splitlines():
            if ":" not in line:
                continue
            key, val = line.split(":", 1)
            name = key.split(";")[0].upper()
            val = val.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            if name in FIELDS:
                ev["fields"][name] = ev["fields"].get(name, "") + val
            elif name in ("ATTENDEE", "ORGANIZER"):
                cn = re.search(r"CN=\"?([^;:\"]+)", key)
                ev["fields"].setdefault(name + "-CN", "")
                ev["fields"][name + "-CN"] += (cn.group(1) if cn else "") + " "
                if name == "ORGANIZER":
                    ev["organizer"] = val.replace("mailto:", "")
            elif name == "DTSTART":
                ev["start"] = val
        yield ev


def google_events(days):
    from google.oauth2.credentials import Credentials
    from googleapiclient.discovery import build
    creds = Credentials.from_authorized_user_file(
        "token.json", ["https://www.googleapis.com/auth/calendar.readonly"])
    svc = build("calendar", "v3", credentials=creds, cache_discovery=False)
    now = dt.datetime.utcnow()
    tmin = (now - dt.timedelta(days=days)).isoformat() + "Z"
    tmax = (now + dt.timedelta(days=days)).isoformat() + "Z"
    page = None
    while True:
        r = svc.events().list(calendarId="primary", timeMin=tmin, timeMax=tmax,
                              singleEvents=True, pageToken=page, maxResults=250).execute()
        for e in r.get("items", []):
            fields = {"SUMMARY": e.get("summary", ""), "DESCRIPTION": e.get("description", ""),
                      "LOCATION": e.get("location", ""),
                      "ATTENDEE-CN": " ".join(a.get("displayName", "") for a in e.get("attendees", []))}
            yield {"source": "google", "start": (e.get("start") or {}).get("dateTime", ""),
                   "organizer": (e.get("organizer") or {}).get("email", ""), "fields": fields}
        page = r.get("nextPageToken")
        if not page:
            return


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ics", nargs="*")
    ap.add_argument("--google", action="store_true")
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--json", default="scan.json")
    a = ap.parse_args()

    events = list(google_events(a.days)) if a.google else [e for p in a.ics for e in parse_ics(p)]
    flagged = []
    for ev in events:
        hits = [h for f, t in ev["fields"].items() for h in scan_text(f, t)]
        if hits:
            flagged.append({**ev, "hits": hits})
    for ev in flagged:
        print(f"\n{ev.get('start', '?')}  organizer={ev.get('organizer', '?')}  ({ev['source']})")
        for field, rid, excerpt in ev["hits"]:
            print(f"  [{rid}] {field}: \"{excerpt.strip()}\"")
    Path(a.json).write_text(json.dumps(flagged, indent=2, default=str))
    print(f"\n{len(events)} events scanned, {len(flagged)} flagged -> {a.json}")


if __name__ == "__main__":
    main()
