#!/usr/bin/env python3
"""Build, preview and send iCalendar invites to user-listed attendees."""
import argparse, datetime as dt, os, shlex, smtplib, ssl, subprocess, sys, uuid
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo


def fold(line):
    out, b = [], line.encode()
    while len(b) > 75:
        cut = 75
        while (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[:cut].decode()); b = b" " + b[cut:]
    out.append(b.decode())
    return "\r\n".join(out)


def esc(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def utc(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def build(a, method="REQUEST", uid=None, seq=0):
    tz = ZoneInfo(a.tz)
    start = dt.datetime.strptime(a.start, "%Y-%m-%d %H:%M").replace(tzinfo=tz)
    end = start + dt.timedelta(minutes=a.minutes)
    desc = Path(a.description_file).read_text() if a.description_file else (a.description or "")
    L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//invite.py//EN", f"METHOD:{method}", "BEGIN:VEVENT",
         f"UID:{uid or uuid.uuid4()}@invite.py", f"SEQUENCE:{seq}", f"DTSTAMP:{utc(dt.datetime.now(dt.timezone.utc))}",
         f"DTSTART:{utc(start)}", f"DTEND:{utc(end)}", f"SUMMARY:{esc(a.title)}",
         f"X-ORIGINAL-TZ:{a.tz}", f"X-ORIGINAL-START:{a.start}", f"X-MINUTES:{a.minutes}",
         f"ORGANIZER;CN={esc(a.organizer)}:mailto:{a.organizer}"]
    for addr in a.attendee:
        L.append(f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{addr}")
    for addr in a.optional or []:
        L.append(f"ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{addr}")
    if a.location:
        L.append(f"LOCATION:{esc(a.location)}")
    if desc or a.location:
        L.append(f"DESCRIPTION:{esc(desc + (chr(10) + a.location if a.location else ''))}")
    if a.rrule:
        L.append(f"RRULE:{a.rrule}")
    L.append(f"STATUS:{'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'}")
    L += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(x) for x in L) + "\r\n"


def parse(path):
    props, atts = {}, []
    raw = Path(path).read_text().replace("\r\n ", "")
    for line in raw.splitlines():
        k, _, v = line.partition(":")
        if k.startswith("ATTENDEE"):
            atts.append(v.replace("mailto:", ""))
        else:
            props[k.split(";")[0]] = v
    return props, atts


def preview(path, show_tz=()):
    p, atts = parse(path)
    start = dt.datetime.strptime(p["DTSTART"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
    print(f"{p.get('METHOD')}: {p.get('SUMMARY')}")
    for z in [p.get("X-ORIGINAL-TZ", "UTC"), *show_tz]:
        print(f"  {z:22} {start.astimezone(ZoneInfo(z)):%a %d %b %Y %H:%M}")
    print(f"  organizer: {p.get('ORGANIZER', '').split('mailto:')[-1]}")
    print(f"  recipients ({len(atts)}): {', '.join(atts)}")
    return p, atts


def send(path):
    p, atts = preview(path)
    if input(f"Send to {len(atts)} recipients? [y/N] ").strip().lower() != "y":
        print("not sent"); return 1
    pw = os.environ.get("SMTP_PASSWORD")
    if not pw and os.environ.get("SMTP_PASSWORD_CMD"):
        pw = subprocess.run(shlex.split(os.environ["SMTP_PASSWORD_CMD"]), capture_output=True, text=True, check=True).stdout.strip()
    user = os.environ["SMTP_USER"]
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = user, ", ".join(atts), ("Cancelled: " if p.get("METHOD") == "CANCEL" else "Invitation: ") + p.get("SUMMARY", "").replace("\\,", ",")
    msg.set_content(f"{p.get('SUMMARY')}\n\nCalendar invitation attached.")
    ics = Path(path).read_text()
    msg.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="invite.ics",
                       params={"method": p.get("METHOD", "REQUEST")})
    with smtplib.SMTP_SSL(os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", 465)), context=ssl.create_default_context()) as s:
        s.login(user, pw)
        s.send_message(msg, to_addrs=atts)
    print(f"sent to {len(atts)} recipients")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    for f in ("--title", "--start", "--tz", "--organizer"):
        b.add_argument(f, required=True)
    b.add_argument("--minutes", type=int, default=30)
    b.add_argument("--attendee", action="append", required=True)
    b.add_argument("--optional", action="append")
    b.add_argument("--location"); b.add_argument("--description"); b.add_argument("--description-file")
    b.add_argument("--rrule"); b.add_argument("--out", default="invite.ics")
    pv = sub.add_parser("preview"); pv.add_argument("ics"); pv.add_argument("--show-tz", action="append", default=[])
    sd = sub.add_parser("send"); sd.add_argument("ics")
    up = sub.add_parser("update"); up.add_argument("ics"); up.add_argument("--start"); up.add_argument("--minutes", type=int)
    cc = sub.add_parser("cancel"); cc.add_argument("ics")
    a = ap.parse_args()
    if a.cmd == "build":
        Path(a.out).write_text(build(a)); print(f"wrote {a.out}"); preview(a.out)
    elif a.cmd == "preview":
        preview(a.ics, a.show_tz)
    elif a.cmd == "send":
        return send(a.ics)
    elif a.cmd in ("update", "cancel"):
        p, atts = parse(a.ics)
        req = [x for x in atts]
        ns = argparse.Namespace(title=p["SUMMARY"].replace("\\,", ",").replace("\\;", ";"), tz=p["X-ORIGINAL-TZ"],
                                start=getattr(a, "start", None) or p["X-ORIGINAL-START"],
                                minutes=getattr(a, "minutes", None) or int(p["X-MINUTES"]),
                                organizer=p["ORGANIZER"].split("mailto:")[-1], attendee=req, optional=None,
                                location=p.get("LOCATION"), description=None, description_file=None, rrule=p.get("RRULE"))
        Path(a.ics).write_text(build(ns, "CANCEL" if a.cmd == "cancel" else "REQUEST",
                                     uid=p["UID"].split("@")[0], seq=int(p.get("SEQUENCE", 0)) + 1))
        preview(a.ics)
        print("now run: invite.py send", a.ics)
    return 0


if __name__ == "__main__":
    sys.exit(main())
