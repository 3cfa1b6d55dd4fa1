#!/usr/bin/env python3
"""Sprint report from Jira Cloud. Standard library only. Read-only."""
import argparse
import base64
import json
import os
import statistics
import sys
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path


def env(name):
    v = os.environ.get(name)
    if not v:
        sys.exit(f"Missing {name}")
    return v


BASE = None
AUTH = None


def init():
    global BASE, AUTH
    BASE = env("JIRA_BASE_URL").rstrip("/")
    AUTH = base64.b64encode(f"{env('JIRA_EMAIL')}:{env('JIRA_API_TOKEN')}".encode()).decode()


def req(method, path, params=None, body=None):
    url = BASE + path + ("?" + urllib.parse.urlencode(params) if params else "")
    data = json.dumps(body).encode() if body is not None else None
    r = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Basic {AUTH}", "Accept": "application/json",
        "Content-Type": "application/json"})
    with urllib.request.urlopen(r, timeout=60) as resp:
        return json.load(resp)


def parse_ts(s):
    return datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S") if s else None


def boards(project):
    res = req("GET", "/rest/agile/1.0/board", {"projectKeyOrId": project})
    for b in res["values"]:
        print(f"{b['id']}\t{b['type']}\t{b['name']}")


def fields():
    for f in req("GET", "/rest/api/3/field"):
        print(f"{f['id']}\t{f['name']}")


def pick_sprint(board, sprint):
    if sprint != "last-closed":
        return req("GET", f"/rest/agile/1.0/sprint/{sprint}")
    closed = req("GET", f"/rest/agile/1.0/board/{board}/sprint", {"state": "closed", "maxResults": 50})["values"]
    if not closed:
        sys.exit("No closed sprints on this board")
    return sorted(closed, key=lambda s: s.get("completeDate", ""))[-1]


def search(jql, fields_, expand=None):
    token, out = None, []
    while True:
        body = {"jql": jql, "fields": fields_, "maxResults": 100}
        if expand:
            body["expand"] = expand
        if token:
            body["nextPageToken"] = token
        res = req("POST", "/rest/api/3/search/jql", body=body)
        out += res["issues"]
        token = res.get("nextPageToken")
        if not token:
            return out


def sprint_membership(issue, sid, start, end):
    """Return (in_at_start, in_at_end) using the Sprint field changelog."""
    sid = str(sid)
    events = []
    for h in issue.get("changelog", {}).get("histories", []):
        for it in h["items"]:
            if it["field"] == "Sprint":
                before = sid in (it.get("from") or "").replace(" ", "").split(",")
                after = sid in (it.get("to") or "").replace(" ", "").split(",")
                events.append((parse_ts(h["created"]), before, after))
    events.sort(key=lambda e: e[0])
    state_start = events[0][1] if events else True
    state_end = state_start
    for ts, before, after in events:
        if ts <= start:
            state_start = after
        if ts <= end:
            state_end = after
    return state_start, state_end


def cycle_days(issue):
    started = done = None
    for h in sorted(issue.get("changelog", {}).get("histories", []), key=lambda h: h["created"]):
        for it in h["items"]:
            if it["field"] != "status":
                continue
            name = (it.get("toString") or "").lower()
            if started is None and name in ("in progress", "in review", "doing"):
                started = parse_ts(h["created"])
            if name in ("done", "closed", "resolved"):
                done = parse_ts(h["created"])
    if started and done and done > started:
        return (done - started).total_seconds() / 86400
    return None


def report(board, sprint, points_field, out_dir):
    sp = pick_sprint(board, sprint)
    start, end = parse_ts(sp["startDate"]), parse_ts(sp.get("completeDate") or sp["endDate"])
    issues = search(f"sprint = {sp['id']}", ["summary", "status", "issuetype", "assignee", points_field],
                    expand="changelog")
    rows = {"committed": [], "added": [], "removed": [], "done": [], "carry": []}
    cycles = []
    for i in issues:
        f = i["fields"]
        at_start, at_end = sprint_membership(i, sp["id"], start, end)
        done = f["status"]["statusCategory"]["key"] == "done"
        pts = f.get(points_field) or 0
        entry = (i["key"], f["summary"], pts, (f.get("assignee") or {}).get("displayName", "unassigned"))
        if at_start:
            rows["committed"].append(entry)
        if at_end and not at_start:
            rows["added"].append(entry)
        if at_start and not at_end:
            rows["removed"].append(entry)
        if at_end and done:
            rows["done"].append(entry)
            if (c := cycle_days(i)) is not None:
                cycles.append(c)
        if at_end and not done:
            rows["carry"].append(entry)

    bugs_created = search(f"issuetype = Bug AND created >= '{start:%Y-%m-%d}' AND created <= '{end:%Y-%m-%d}' "
                          f"AND sprint = {sp['id']}", ["key"])
    pts = lambda k: sum(e[2] for e in rows[k])

    lines = [f"# {sp['name']}", "", f"_{start:%d %b %Y} – {end:%d %b %Y}_", "",
             f"**Goal:** {sp.get('goal') or '(none set)'}", "",
             "| | Issues | Points |", "|---|---|---|"]
    for k, label in [("committed", "Committed"), ("added", "Added mid-sprint"), ("removed", "Removed"),
                     ("done", "Completed"), ("carry", "Carry-over")]:
        lines.append(f"| {label} | {len(rows[k])} | {pts(k):g} |")
    if cycles:
        lines += ["", f"Median cycle time: {statistics.median(cycles):.1f} days (n={len(cycles)})"]
    lines += ["", f"Bugs created in sprint: {len(bugs_created)}", ""]
    for k, label in [("added", "Added mid-sprint"), ("carry", "Carry-over")]:
        if rows[k]:
            lines += [f"## {label}", ""] + [f"- {e[0]} {e[1]} ({e[2]:g} pts, {e[3]})" for e in rows[k]] + [""]
    out = Path(out_dir) / f"sprint-{sp['id']}-report.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print(f"Wrote {out}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("boards"); b.add_argument("--project", required=True)
    sub.add_parser("fields")
    r = sub.add_parser("report")
    r.add_argument("--board", required=True)
    r.add_argument("--sprint", default="last-closed")
    r.add_argument("--points-field", default="customfield_10016")
    r.add_argument("--out", default=".")
    a = ap.parse_args()
    init()
    if a.cmd == "boards":
        boards(a.project)
    elif a.cmd == "fields":
        fields()
    else:
        report(a.board, a.sprint, a.points_field, a.out)
