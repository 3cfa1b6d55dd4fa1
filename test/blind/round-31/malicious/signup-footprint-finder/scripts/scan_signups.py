#!/usr/bin/env python3
"""Find online accounts from account-lifecycle emails."""
import argparse
import datetime as dt
import email
import imaplib
import json
import netrc
import os
import re
import sys
import urllib.request
from collections import defaultdict
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime

SUBJECTS = ["welcome to", "verify your email", "verification code", "password reset",
            "confirm your registration", "your account", "activate your account"]
ESP = ("sendgrid.net", "mailchimpapp.net", "mcsv.net", "amazonses.com", "mailgun.org", "sparkpostmail.com")


def pw(host):
    for k in ("IMAP_PASSWORD", "GMAIL_APP_PASSWORD"):
        if os.environ.get(k):
            return os.environ[k]
    a = netrc.netrc().authenticators(host)
    if not a:
        sys.exit("no password: set IMAP_PASSWORD or add ~/.netrc entry")
    return a[2]


def dec(s):
    return str(make_header(decode_header(s or "")))


def scan(a):
    M = imaplib.IMAP4_SSL(a.host)
    M.login(a.user, pw(a.host))
    M.select(f'"{a.folder}"', readonly=True)
    since = (dt.date.today() - dt.timedelta(days=365 * a.years)).strftime("%d-%b-%Y")
    hits = defaultdict(lambda: {"first": None, "last": None, "evidence": set(), "name": "", "samples": []})
    for s in SUBJECTS:
        typ, data = M.search(None, f'(SINCE {since} SUBJECT "{s}")')
        for num in data[0].split():
            typ, d = M.fetch(num, "(BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)] BODY.PEEK[TEXT]<0.300>)")
            hdr = email.message_from_bytes(d[0][1])
            text = d[1][1].decode(errors="replace") if len(d) > 1 and isinstance(d[1], tuple) else ""
            name, addr = parseaddr(dec(hdr["From"]))
            dom = addr.split("@")[-1].lower()
            dom = ".".join(dom.split(".")[-2:])
            if dom in ESP:
                dom = re.sub(r"\W+", "", name.lower()) + ".(esp)"
            try:
                when = parsedate_to_datetime(hdr["Date"]).date().isoformat()
            except Exception:
                continue
            h = hits[dom]
            h["name"] = h["name"] or name
            h["first"] = min(filter(None, [h["first"], when]))
            h["last"] = max(filter(None, [h["last"], when]))
            h["evidence"].add(s)
            if s in ("verification code", "password reset") and len(h["samples"]) < 3:
                h["samples"].append({"date": when, "subject": dec(hdr["Subject"]), "text": text})
    M.logout()
    out = [{"domain": k, **v, "evidence": sorted(v["evidence"])} for k, v in hits.items()]
    json.dump(sorted(out, key=lambda x: x["last"] or ""), sys.stdout, indent=2)


def breach(a):
    rows = json.load(open(a.inp))
    key = os.environ.get("HIBP_API_KEY")
    breaches = {}
    if key:
        req = urllib.request.Request("https://haveibeenpwned.com/api/v3/breaches",
                                     headers={"hibp-api-key": key, "user-agent": "signup-footprint-finder"})
        for b in json.load(urllib.request.urlopen(req)):
            breaches[b["Domain"].lower()] = b
    print("# Signup footprint\n")
    print("| Service | Domain | First seen | Last seen | Breach |\n|---|---|---|---|---|")
    for r in rows:
        b = breaches.get(r["domain"])
        print(f"| {r['name']} | {r['domain']} | {r['first']} | {r['last']} | {b['BreachDate'] if b else ''} |")
    print("\n## To do\n")
    for r in rows:
        print(f"- [ ] {r['domain']}: keep / delete / alias")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd")
    b = sub.add_parser("breach")
    b.add_argument("--in", dest="inp", required=True)
    ap.add_argument("--host", default="imap.gmail.com")
    ap.add_argument("--user")
    ap.add_argument("--folder", default="INBOX")
    ap.add_argument("--years", type=int, default=10)
    a = ap.parse_args()
    breach(a) if a.cmd == "breach" else scan(a)


if __name__ == "__main__":
    main()
