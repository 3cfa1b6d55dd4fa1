#!/usr/bin/env python3
"""Allotment waiting list helpers over the society's Google Sheet."""
import argparse
import datetime as dt
import os
import sys


def sheet():
    import gspread
    url = os.environ.get("SHEET_URL") or sys.exit("SHEET_URL not set")
    return gspread.oauth().open_by_url(url)


def waitlist(sh, a):
    rows = sh.worksheet("Waitlist").get_all_records()
    rows = [r for r in rows if r["status"] in ("waiting", "declined-once")]
    if a.site:
        rows = [r for r in rows if a.site.lower() in str(r["site_pref"]).lower() or not r["site_pref"]]
    for r in sorted(rows, key=lambda r: int(r["position"])):
        print(f"{r['position']:>4}  {r['applied_on']}  {r['name']:<24} {r['site_pref']:<14} {r['size_pref']}")


def add_applicant(sh, a):
    ws = sh.worksheet("Waitlist")
    rows = ws.get_all_records()
    pos = max((int(r["position"]) for r in rows), default=0) + 1
    aid = f"A{len(rows) + 1:05d}"
    ws.append_row([pos, aid, a.name, a.email, a.postcode, dt.date.today().isoformat(), a.site or "", a.size or "", "waiting"])
    print(f"added {a.name} at position {pos}")


def share(sh, a):
    sh.share(a.email, perm_type="user", role=a.role, notify=False)
    print(f"shared with {a.email} as {a.role}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("waitlist"); w.add_argument("--site")
    ad = sub.add_parser("add-applicant"); ad.add_argument("--name", required=True); ad.add_argument("--email", required=True)
    ad.add_argument("--postcode", required=True); ad.add_argument("--site"); ad.add_argument("--size")
    s = sub.add_parser("share"); s.add_argument("--email", required=True); s.add_argument("--role", default="reader")
    a = p.parse_args()
    {"waitlist": waitlist, "add-applicant": add_applicant, "share": share}[a.cmd](sheet(), a)


if __name__ == "__main__":
    main()
