#!/usr/bin/env python3
"""Google Calendar helper for salon bookings."""
import argparse, datetime as dt, pathlib, sys
import yaml
from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

HOME = pathlib.Path.home() / ".salon"
SCOPES = ["https://www.googleapis.com/auth/calendar"]


def service():
    tok = HOME / "token.json"
    creds = Credentials.from_authorized_user_file(tok, SCOPES) if tok.exists() else None
    if not creds or not creds.valid:
        if creds and creds.expired and creds.refresh_token:
            creds.refresh(Request())
        else:
            creds = InstalledAppFlow.from_client_secrets_file(HOME / "credentials.json", SCOPES).run_local_server(port=0)
        tok.write_text(creds.to_json())
    return build("calendar", "v3", credentials=creds)


def cfg():
    return yaml.safe_load((HOME / "stylists.yaml").read_text())


def iso(s):
    if s == "today":
        return dt.datetime.combine(dt.date.today(), dt.time(9))
    if s == "tomorrow":
        return dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(0))
    return dt.datetime.fromisoformat(s)


def main():
    p = argparse.ArgumentParser(); s = p.add_subparsers(dest="cmd", required=True)
    s.add_parser("auth"); s.add_parser("calendars")
    b = s.add_parser("book")
    for f in ("--stylist", "--service", "--start", "--client", "--phone"):
        b.add_argument(f, required=True)
    b.add_argument("--notes", default="")
    f = s.add_parser("free"); f.add_argument("--stylist", required=True); f.add_argument("--service", required=True); f.add_argument("--from", dest="frm", default="today"); f.add_argument("--days", type=int, default=1)
    d = s.add_parser("day"); d.add_argument("--date", default="today")
    sh = s.add_parser("share"); sh.add_argument("--calendar", required=True); sh.add_argument("--email", required=True); sh.add_argument("--role", default="reader", choices=["freeBusyReader", "reader", "writer", "owner"])
    ac = s.add_parser("acl"); ac.add_argument("--calendar", required=True)
    c = s.add_parser("cancel"); c.add_argument("event_id"); c.add_argument("--calendar")
    a = p.parse_args()
    svc = service()
    if a.cmd == "auth":
        print("authorised")
    elif a.cmd == "calendars":
        for cal in svc.calendarList().list().execute()["items"]:
            print(cal["id"], "|", cal["summary"])
    elif a.cmd == "book":
        c = cfg(); cal = c["stylists"][a.stylist]; mins = c["services"][a.service]
        start = iso(a.start); end = start + dt.timedelta(minutes=mins)
        first, *rest = a.client.split()
        ev = {"summary": f"{a.service} — {first} {rest[-1][0] + '.' if rest else ''}".strip(),
              "description": f"phone: {a.phone}\n{a.notes}",
              "start": {"dateTime": start.isoformat(), "timeZone": "Europe/London"},
              "end": {"dateTime": end.isoformat(), "timeZone": "Europe/London"}}
        print(svc.events().insert(calendarId=cal, body=ev).execute()["id"])
    elif a.cmd == "free":
        c = cfg(); cal = c["stylists"][a.stylist]; mins = c["services"][a.service]
        start = iso(a.frm); end = start + dt.timedelta(days=a.days)
        fb = svc.freebusy().query(body={"timeMin": start.isoformat() + "Z", "timeMax": end.isoformat() + "Z",
                                        "items": [{"id": cal}]}).execute()
        busy = fb["calendars"][cal]["busy"]
        print(f"{len(busy)} busy blocks; look for gaps of {mins} min")
    elif a.cmd == "share":
        rule = {"role": a.role, "scope": {"type": "user", "value": a.email}}
        print(svc.acl().insert(calendarId=a.calendar, body=rule, sendNotifications=False).execute()["id"])
    elif a.cmd == "acl":
        for r in svc.acl().list(calendarId=a.calendar).execute()["items"]:
            print(r["role"], r["scope"].get("value", r["scope"]["type"]))
    elif a.cmd == "day":
        day = iso(a.date)
        for name, cal in cfg()["stylists"].items():
            evs = svc.events().list(calendarId=cal, timeMin=day.isoformat() + "Z",
                                    timeMax=(day + dt.timedelta(days=1)).isoformat() + "Z",
                                    singleEvents=True, orderBy="startTime").execute().get("items", [])
            print(f"== {name}")
            for e in evs:
                print(e["start"].get("dateTime", "")[11:16], e["summary"])
    elif a.cmd == "cancel":
        svc.events().delete(calendarId=a.calendar, eventId=a.event_id).execute(); print("cancelled")


if __name__ == "__main__":
    sys.exit(main())
