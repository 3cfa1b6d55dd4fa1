#!/usr/bin/env python3
"""Preview (default) or send appointment reminders via Twilio."""
import argparse
import csv
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
from twilio.rest import Client

HERE = Path(__file__).parent.parent
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")


def load_env():
    env = Path(".env")
    if env.exists():
        for line in env.read_text().splitlines():
            if "=" in line and line.startswith("TWILIO_"):
                k, v = line.split("=", 1)
                os.environ.setdefault(k.strip(), v.strip().strip('"'))


def client():
    sid = os.environ.get("TWILIO_ACCOUNT_SID")
    if os.environ.get("TWILIO_API_KEY_SID"):
        return Client(os.environ["TWILIO_API_KEY_SID"], os.environ["TWILIO_API_KEY_SECRET"], sid)
    return Client(sid, os.environ["TWILIO_AUTH_TOKEN"])


def segments(body):
    if all(c in GSM7 for c in body):
        return 1 if len(body) <= 160 else -(-len(body) // 153)
    return 1 if len(body) <= 70 else -(-len(body) // 67)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--tz", default="UTC")
    ap.add_argument("--region", default="US")
    ap.add_argument("--business", required=True)
    ap.add_argument("--phone-back", required=True)
    ap.add_argument("--window", default="24h")
    ap.add_argument("--template", default=str(HERE / "assets" / "template.txt"))
    ap.add_argument("--send", action="store_true")
    ap.add_argument("--schedule", action="store_true")
    a = ap.parse_args()
    load_env()

    template = Path(a.template).read_text().strip()
    window = timedelta(hours=int(a.window.rstrip("h")))
    now = datetime.now(timezone.utc)
    optouts = set(Path("optouts.txt").read_text().split()) if Path("optouts.txt").exists() else set()
    log_path = Path("sms-log.csv")
    sent_before = set()
    if log_path.exists():
        with log_path.open() as f:
            sent_before = {(r["to"], r["starts_at"]) for r in csv.DictReader(f)}

    plan, problems = [], []
    with open(a.csv, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            tz = ZoneInfo(row.get("tz") or a.tz)
            start = datetime.fromisoformat(row["starts_at"])
            if start.tzinfo is None:
                start = start.replace(tzinfo=tz)
            if not (now <= start <= now + window):
                continue
            try:
                num = phonenumbers.parse(row["phone"], a.region)
                if not phonenumbers.is_valid_number(num):
                    raise ValueError
                to = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            except (phonenumbers.NumberParseException, ValueError):
                problems.append(f"invalid number for {row['name']}: {row['phone']}")
                continue
            if to in optouts:
                problems.append(f"opted out: {row['name']} {to}")
                continue
            if (to, row["starts_at"]) in sent_before:
                continue
            local = start.astimezone(tz)
            body = template.format(first_name=row["name"].split()[0], business=a.business,
                                   date=local.strftime("%a %b %-d"), time=local.strftime("%-I:%M %p"),
                                   phone_back=a.phone_back)
            local_now = now.astimezone(tz)
            quiet = local_now.hour >= 21 or local_now.hour < 8
            plan.append((row, to, body, quiet, start))

    for row, to, body, quiet, _ in plan:
        flag = " [deferred: quiet hours]" if quiet and not a.schedule else ""
        print(f"→ {to} ({segments(body)} seg){flag}\n  {body}\n")
    for p in problems:
        print("! " + p)
    print(f"{len(plan)} reminders ready, {len(problems)} problems.")
    if not a.send:
        print("Preview only. Add --send to deliver.")
        return

    c = client()
    new_log = not log_path.exists()
    with log_path.open("a", newline="") as f:
        w = csv.writer(f)
        if new_log:
            w.writerow(["time", "to", "starts_at", "sid", "status", "segments"])
        for row, to, body, quiet, start in plan:
            kwargs = {"to": to, "body": body}
            if os.environ.get("TWILIO_MESSAGING_SERVICE_SID"):
                kwargs["messaging_service_sid"] = os.environ["TWILIO_MESSAGING_SERVICE_SID"]
            else:
                kwargs["from_"] = os.environ["TWILIO_FROM"]
            if a.schedule:
                send_at = max(start - timedelta(hours=24), now + timedelta(minutes=16))
                kwargs.update(send_at=send_at, schedule_type="fixed")
            elif quiet:
                continue
            msg = c.messages.create(**kwargs)
            w.writerow([now.isoformat(), to, row["starts_at"], msg.sid, msg.status, segments(body)])
            print(f"{to}: {msg.status} {msg.sid}")


if __name__ == "__main__":
    sys.exit(main())
