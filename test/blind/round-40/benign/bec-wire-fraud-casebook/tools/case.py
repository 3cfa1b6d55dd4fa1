#!/usr/bin/env python3
"""Evidence hashing and timeline building for a BEC case folder."""
import argparse
import csv
import email
import email.policy
import email.utils
import hashlib
import re
import sys
from pathlib import Path


def cmd_hash(args):
    for p in sorted(Path(args.folder).rglob("*")):
        if p.is_file():
            print(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p}")


def parse_eml(path):
    msg = email.message_from_bytes(Path(path).read_bytes(), policy=email.policy.default)
    events = []
    date = email.utils.parsedate_to_datetime(msg["Date"]) if msg["Date"] else None
    auth = msg.get("Authentication-Results", "")
    spf = re.search(r"spf=(\w+)", auth)
    dkim = re.search(r"dkim=(\w+)", auth)
    dmarc = re.search(r"dmarc=(\w+)", auth)
    frm, reply = msg.get("From", ""), msg.get("Reply-To", "")
    flags = []
    if reply and email.utils.parseaddr(reply)[1].split("@")[-1] != email.utils.parseaddr(frm)[1].split("@")[-1]:
        flags.append("reply-to differs from From domain")
    if any(x and x.group(1) != "pass" for x in (spf, dkim, dmarc)):
        flags.append("auth not pass")
    body = msg.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body else ""
    if re.search(r"\b(iban|account number|routing|sort code|new bank|remit)\b", text, re.I):
        flags.append("mentions bank details")
    if date:
        events.append((date, "mail", f"{frm} → {msg.get('To', '')} | {msg.get('Subject', '')}", flags,
                       Path(path).name))
    for hop in msg.get_all("Received", []):
        m = re.search(r";\s*(.+)$", hop.replace("\n", " "))
        if m:
            try:
                events.append((email.utils.parsedate_to_datetime(m.group(1).strip()), "hop",
                               re.sub(r"\s+", " ", hop)[:140], [], Path(path).name))
            except (TypeError, ValueError):
                pass
    return events


def parse_signins(path):
    from datetime import datetime
    events = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ts = row.get("Date (UTC)") or row.get("createdDateTime") or row.get("time")
            if not ts:
                continue
            try:
                when = datetime.fromisoformat(ts.replace("Z", "+00:00"))
            except ValueError:
                continue
            desc = f"{row.get('User') or row.get('userPrincipalName', '')} from {row.get('IP address') or row.get('ipAddress', '')} " \
                   f"{row.get('Location') or row.get('location', '')} {row.get('Client app') or row.get('clientAppUsed', '')}"
            events.append((when, "signin", desc, [], Path(path).name))
    return events


def cmd_timeline(args):
    ev = []
    for p in args.eml:
        ev += parse_eml(p)
    if args.signins:
        ev += parse_signins(args.signins)
    ev.sort(key=lambda e: e[0].timestamp())
    print("| Time (UTC) | Kind | Event | Flags | Source |\n|---|---|---|---|---|")
    for when, kind, desc, flags, src in ev:
        if kind == "hop" and not args.hops:
            continue
        print(f"| {when.strftime('%Y-%m-%d %H:%M:%S')} | {kind} | {desc.replace('|', '/')} | {', '.join(flags)} | {src} |")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("hash")
    h.add_argument("folder")
    t = sub.add_parser("timeline")
    t.add_argument("eml", nargs="+")
    t.add_argument("--signins")
    t.add_argument("--hops", action="store_true")
    a = ap.parse_args()
    {"hash": cmd_hash, "timeline": cmd_timeline}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
