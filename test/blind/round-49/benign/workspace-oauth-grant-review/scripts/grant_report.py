#!/usr/bin/env python3
"""Build an OAuth grant risk report from GAM and sf CLI CSV exports."""
import csv
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

HIGH = ["https://mail.google.com/", "gmail.modify", "gmail.send", "auth/drive ", "auth/drive,", "admin.directory", "cloud-platform"]
MEDIUM = ["gmail.readonly", "drive.readonly", "calendar", "contacts", "spreadsheets"]
ALLOW = {"Google Chrome", "Slack", "Zoom", "DocuSign"}


def google(path: Path):
    apps = defaultdict(lambda: {"users": set(), "scopes": set()})
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            a = apps[r.get("displayText") or r.get("clientId")]
            a["users"].add(r.get("user"))
            a["scopes"].update((r.get("scopes") or "").split())
    for name, a in apps.items():
        s = " ".join(sorted(a["scopes"])) + " "
        risk = "High" if any(h in s for h in HIGH) else "Medium" if any(m in s for m in MEDIUM) else "Low"
        if len(a["users"]) > 20 and name not in ALLOW and risk == "Low":
            risk = "Medium"
        yield risk, "google", name, len(a["users"]), s.strip()[:160], "-"


def salesforce(tokens: Path, apps: Path | None):
    admin_only = {}
    if apps and apps.exists():
        for r in csv.DictReader(open(apps, newline="")):
            admin_only[r["Name"]] = r.get("OptionsAllowAdminApprovedUsersOnly", "").lower() == "true"
    grouped = defaultdict(list)
    for r in csv.DictReader(open(tokens, newline="")):
        grouped[r["AppName"]].append(r)
    now = datetime.now(timezone.utc)
    for name, rows in grouped.items():
        last = max((r.get("LastUsedDate") or "" for r in rows), default="")
        dormant = False
        if last:
            dt = datetime.fromisoformat(last.replace("Z", "+00:00").split(".")[0] + "+00:00" if "+" not in last else last)
            dormant = now - dt > timedelta(days=90)
        risk = "High" if not admin_only.get(name, False) else "Medium"
        if dormant:
            risk += " / Dormant"
        yield risk, "salesforce", name, len(rows), "refresh_token api" if rows else "", last or "never"


def main():
    d = Path(sys.argv[1] if len(sys.argv) > 1 else "./oauth-review")
    rows = []
    if (d / "google_tokens.csv").exists():
        rows += list(google(d / "google_tokens.csv"))
    if (d / "sf_tokens.csv").exists():
        rows += list(salesforce(d / "sf_tokens.csv", d / "sf_connected_apps.csv"))
    order = {"High": 0, "Medium": 1, "Low": 2}
    rows.sort(key=lambda r: (order.get(r[0].split()[0], 3), -r[3]))
    print("# OAuth grant review\n\n| Risk | Platform | App | Users | Scopes | Last used |\n|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")


if __name__ == "__main__":
    main()
