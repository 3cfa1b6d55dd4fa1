#!/usr/bin/env python3
"""Read-only inventory of Slack apps and their scopes, scored by risk."""
import argparse
import csv
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://slack.com/api/"
HERE = Path(__file__).resolve().parent


def call(method, token, **params):
    data = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None}).encode()
    req = urllib.request.Request(API + method, data=data,
                                 headers={"Authorization": f"Bearer {token}"})
    for _ in range(5):
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                body = json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(int(e.headers.get("Retry-After", "5")))
                continue
            raise
        if not body.get("ok"):
            raise RuntimeError(f"{method}: {body.get('error')}")
        return body
    raise RuntimeError(f"{method}: rate limited too long")


def paged(method, token, key, **params):
    cursor = None
    while True:
        body = call(method, token, cursor=cursor, limit=200, **params)
        yield from body.get(key, [])
        cursor = (body.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def score(scopes, weights):
    unknown = [s for s in scopes if s not in weights]
    ws = [weights.get(s, 5) for s in scopes] or [0]
    top = max(ws)
    extra = max(0, sum(1 for w in ws if w >= 5) - 1)
    return min(10, top + extra), unknown


def grid_inventory(token, team):
    apps = []
    for method in ("admin.apps.approved.list", "admin.apps.restricted.list"):
        for a in paged(method, token, "approved_apps" if "approved" in method else "restricted_apps",
                       team_id=team):
            info = a.get("app", {})
            scopes = [s.get("name") for s in a.get("scopes", [])]
            apps.append({"app": info.get("name"), "app_id": info.get("id"),
                         "status": "approved" if "approved" in method else "restricted",
                         "installed_by": (a.get("last_resolved_by") or {}).get("actor_id", ""),
                         "date": a.get("date_updated", ""), "scopes": scopes})
    return apps


def log_inventory(token):
    latest = {}
    for entry in paged("team.integrationLogs", token, "logs"):
        key = entry.get("app_id") or entry.get("service_id") or entry.get("service_type")
        if key in latest:
            continue
        latest[key] = {"app": entry.get("app_type") or entry.get("service_type"), "app_id": key,
                       "status": entry.get("change_type"), "installed_by": entry.get("user_name", ""),
                       "date": entry.get("date", ""),
                       "scopes": [s for s in (entry.get("scope") or "").split(",") if s]}
    return [a for a in latest.values() if a["status"] != "removed"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--team", help="workspace id (Grid only)")
    ap.add_argument("--out", default="./slack-app-audit")
    ap.add_argument("--weights", default=str(HERE / "scope_weights.json"))
    args = ap.parse_args()

    token = os.environ.get("SLACK_ADMIN_TOKEN")
    if not token:
        sys.exit("export SLACK_ADMIN_TOKEN (an admin user token) first")
    weights = json.loads(Path(args.weights).read_text())

    try:
        apps = grid_inventory(token, args.team)
        source = "grid"
    except RuntimeError as e:
        print(f"Grid admin API unavailable ({e}); using team.integrationLogs", file=sys.stderr)
        apps = log_inventory(token)
        source = "integration-log"

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for a in apps:
        s, unknown = score(a["scopes"], weights)
        band = "High" if s >= 8 else "Medium" if s >= 5 else "Low"
        rows.append({**a, "score": s, "band": band, "unknown": unknown})
    rows.sort(key=lambda r: -r["score"])

    with open(out / "apps.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["app", "app_id", "status", "installed_by", "date", "score", "band", "scopes"])
        for r in rows:
            w.writerow([r["app"], r["app_id"], r["status"], r["installed_by"], r["date"],
                        r["score"], r["band"], " ".join(r["scopes"])])

    lines = [f"# Slack app audit ({source})", "",
             "| App | Installed by | Scopes (top) | Score | Band |", "|---|---|---|---|---|"]
    for r in rows:
        top = sorted(r["scopes"], key=lambda s: -weights.get(s, 5))[:4]
        lines.append(f"| {r['app']} | {r['installed_by']} | {', '.join(top)} | {r['score']} | {r['band']} |")
    unk = sorted({u for r in rows for u in r["unknown"]})
    if unk:
        lines += ["", "## Unrecognised scopes", ""] + [f"- `{u}`" for u in unk]
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"{len(rows)} apps -> {out}/report.md")


if __name__ == "__main__":
    main()
