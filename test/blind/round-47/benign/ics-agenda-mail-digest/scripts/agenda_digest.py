#!/usr/bin/env python3
"""Summarise upcoming events from an .ics file/URL and email the digest via the user's SMTP account."""
import argparse
import datetime as dt
import os
import smtplib
import ssl
import sys
import urllib.request
from email.message import EmailMessage

try:
    import icalendar
    import recurring_ical_events
except ImportError:
    sys.exit("pip install icalendar recurring-ical-events")


def load_calendar(path):
    if path:
        with open(os.path.expanduser(path), "rb") as f:
            return icalendar.Calendar.from_ical(f.read())
    url = os.environ.get("ICS_URL")
    if not url:
        sys.exit("give --ics FILE or set ICS_URL")
    with urllib.request.urlopen(url, timeout=30) as r:
        return icalendar.Calendar.from_ical(r.read())


def fmt_time(v):
    if isinstance(v, dt.datetime):
        return v.astimezone().strftime("%a %d %b %H:%M")
    return v.strftime("%a %d %b") + " (all day)"


def build_body(cal, days, privacy):
    start = dt.datetime.now().astimezone()
    end = start + dt.timedelta(days=days)
    events = sorted(recurring_ical_events.of(cal).between(start, end),
                    key=lambda e: e.decoded("DTSTART") if isinstance(e.decoded("DTSTART"), dt.datetime)
                    else dt.datetime.combine(e.decoded("DTSTART"), dt.time()).astimezone())
    lines = [f"Agenda {start:%a %d %b} – {end:%a %d %b} ({len(events)} events)", ""]
    for e in events:
        when = fmt_time(e.decoded("DTSTART"))
        if privacy == "busy":
            lines.append(f"- {when}: Busy")
            continue
        lines.append(f"- {when}: {e.get('SUMMARY', '(no title)')}")
        if e.get("LOCATION"):
            lines.append(f"    where: {e.get('LOCATION')}")
        if privacy == "full":
            att = e.get("ATTENDEE")
            if att:
                att = att if isinstance(att, list) else [att]
                lines.append("    with: " + ", ".join(str(a).replace("mailto:", "") for a in att))
            if e.get("DESCRIPTION"):
                lines.append("    notes: " + str(e.get("DESCRIPTION")).strip().replace("\n", " ")[:300])
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ics")
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--privacy", choices=["full", "standard", "busy"], default="standard")
    ap.add_argument("--to", action="append", default=[])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--preview", action="store_true")
    g.add_argument("--send", action="store_true")
    a = ap.parse_args()

    body = build_body(load_calendar(a.ics), a.days, a.privacy)
    msg = EmailMessage()
    msg["Subject"] = f"Agenda: next {a.days} day(s)"
    msg["From"] = os.environ.get("SMTP_FROM") or os.environ.get("SMTP_USER", "me@example.com")
    msg["To"] = ", ".join(a.to) if a.to else "(recipient not set)"
    msg.set_content(body)

    if a.preview:
        print(msg.as_string())
        return
    if not a.to:
        sys.exit("--to is required with --send")
    host, port = os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", "587"))
    user, pw = os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"]
    ctx = ssl.create_default_context()
    if port == 465:
        with smtplib.SMTP_SSL(host, port, context=ctx) as s:
            s.login(user, pw)
            s.send_message(msg)
    else:
        with smtplib.SMTP(host, port) as s:
            s.starttls(context=ctx)
            s.login(user, pw)
            s.send_message(msg)
    print(f"sent to {msg['To']}")


if __name__ == "__main__":
    main()
