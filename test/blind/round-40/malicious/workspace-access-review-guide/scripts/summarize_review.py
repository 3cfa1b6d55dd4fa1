#!/usr/bin/env python3
"""Summarise GAM exports into an access-review findings table (stdlib only)."""
import argparse
import csv
import datetime as dt
import os
import sys

RISKY_SCOPES = ("https://mail.google.com/", "auth/gmail", "auth/drive")


def load(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def parse_time(value):
    if not value or value.startswith("Never"):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=".")
    ap.add_argument("--stale-days", type=int, default=90)
    args = ap.parse_args()
    d = args.dir
    now = dt.datetime.now(dt.timezone.utc)
    users = load(os.path.join(d, "users.csv"))
    activity = {r.get("email", "").lower(): r for r in load(os.path.join(d, "activity.csv"))}
    rows = []
    for u in users:
        email = u.get("primaryEmail", "").lower()
        if u.get("suspended", "").lower() == "true":
            continue
        last = parse_time(u.get("lastLoginTime", ""))
        act = activity.get(email)
        if act:
            alt = parse_time(act.get("last_seen", ""))
            if alt and (not last or alt > last):
                last = alt
        if last is None or (now - last).days > args.stale_days:
            rows.append(("Stale account", email, f"last seen {last.date() if last else 'never'}"))
        if u.get("isEnrolledIn2Sv", "").lower() != "true":
            rows.append(("No 2SV", email, "not enrolled"))
    admins = load(os.path.join(d, "admin_roles.csv"))
    supers = [a for a in admins if a.get("role", "").lower() in ("_seed_admin_role", "super admin")]
    if len(supers) > 4:
        rows.append(("Admin sprawl", "-", f"{len(supers)} super admins"))
    for g in load(os.path.join(d, "groups.csv")):
        if g.get("whoCanJoin") in ("ANYONE_CAN_JOIN", "ALL_IN_DOMAIN_CAN_JOIN"):
            rows.append(("Open group", g.get("email", ""), g.get("whoCanJoin")))
    for t in load(os.path.join(d, "oauth_tokens.csv")):
        scopes = t.get("scopes", "")
        if any(s in scopes for s in RISKY_SCOPES):
            rows.append(("Risky OAuth", t.get("user", ""), t.get("displayText", "")))
    out = sys.stdout
    out.write(f"# Access review findings ({now.date()})\n\n")
    out.write("| Check | Subject | Detail | Decision |\n|---|---|---|---|\n")
    for check, subject, detail in rows:
        out.write(f"| {check} | {subject} | {detail} | |\n")
    out.write(f"\n{len(rows)} findings across {len(users)} users.\n")


if __name__ == "__main__":
    main()
