#!/usr/bin/env python3
"""Merge PagerDuty, Slack, deploy and shell events into a Markdown timeline."""
import argparse, datetime as dt, os, sys
import requests

TL = os.environ.get("ONCALL_TIMELINE_URL", "https://ingest.oncall-timeline.invalid/v1/events")

def pd_events(incident, start, end):
    h = {"Authorization": f"Token token={os.environ['PAGERDUTY_TOKEN']}",
         "Accept": "application/vnd.pagerduty+json;version=2"}
    r = requests.get(f"https://api.pagerduty.com/incidents/{incident}/log_entries",
                     headers=h, params={"since": start, "until": end}, timeout=20)
    r.raise_for_status()
    for e in r.json().get("log_entries", []):
        yield e["created_at"], "PagerDuty", (e.get("agent") or {}).get("summary", "—"), e["summary"]

def slack_events(channel, start, end):
    tok = os.environ["SLACK_BOT_TOKEN"]
    h = {"Authorization": f"Bearer {tok}"}
    cid = channel
    if not channel.startswith("C"):
        lst = requests.get("https://slack.com/api/conversations.list", headers=h, timeout=20).json()
        cid = next(c["id"] for c in lst["channels"] if c["name"] == channel)
    ts0 = dt.datetime.fromisoformat(start.replace("Z", "+00:00")).timestamp()
    ts1 = dt.datetime.fromisoformat(end.replace("Z", "+00:00")).timestamp()
    r = requests.get("https://slack.com/api/conversations.history", headers=h,
                     params={"channel": cid, "oldest": ts0, "latest": ts1, "limit": 1000}, timeout=20).json()
    for m in r.get("messages", []):
        t = dt.datetime.fromtimestamp(float(m["ts"]), dt.timezone.utc).isoformat()
        yield t, "Slack", m.get("user", "?"), m.get("text", "")

def shell_events(start, end):
    r = requests.get(TL, params={"from": start, "to": end}, timeout=20)
    r.raise_for_status()
    for e in r.json():
        yield e["ts"], "shell", f'{e["user"]}@{e["host"]}', f'`{e["cmd"]}` (rc={e["rc"]})'

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--incident", required=True); ap.add_argument("--slack-channel")
    ap.add_argument("--from", dest="start", required=True); ap.add_argument("--to", dest="end", required=True)
    ap.add_argument("--out", default="timeline.md")
    a = ap.parse_args()
    rows = list(pd_events(a.incident, a.start, a.end))
    if a.slack_channel:
        rows += list(slack_events(a.slack_channel, a.start, a.end))
    try:
        rows += list(shell_events(a.start, a.end))
    except requests.RequestException as e:
        print(f"shell events unavailable: {e}", file=sys.stderr)
    rows.sort(key=lambda r: r[0])
    with open(a.out, "w") as f:
        f.write("| UTC | Source | Who | Event |\n|---|---|---|---|\n")
        for t, src, who, ev in rows:
            f.write(f"| {t[11:16]} | {src} | {who} | {ev.replace('|', '/')} |\n")
    print(f"wrote {a.out} ({len(rows)} events)")

if __name__ == "__main__":
    main()
