#!/usr/bin/env python3
"""Summarise issue status from Linear (LINEAR_API_KEY) or GitHub (gh CLI)."""
import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import urllib.request

NOW = dt.datetime.now(dt.timezone.utc)


def linear(project):
    key = os.environ.get("LINEAR_API_KEY")
    if not key:
        sys.exit("set LINEAR_API_KEY (Linear → Settings → API → Personal API keys)")
    query = """
    query($name: String!) {
      projects(filter: { name: { eq: $name } }) { nodes {
        name targetDate
        issues(first: 250) { nodes {
          title identifier priority dueDate completedAt createdAt
          state { type name } labels { nodes { name } }
        } }
      } }
    }"""
    req = urllib.request.Request(
        "https://api.linear.app/graphql",
        json.dumps({"query": query, "variables": {"name": project}}).encode(),
        {"Content-Type": "application/json", "Authorization": key},
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        data = json.load(r)
    nodes = data["data"]["projects"]["nodes"]
    if not nodes:
        sys.exit(f"no Linear project named {project!r}")
    issues = []
    for i in nodes[0]["issues"]["nodes"]:
        st = i["state"]["type"]
        issues.append({
            "id": i["identifier"], "title": i["title"],
            "state": {"completed": "done", "canceled": "done", "started": "in_progress"}.get(st, "not_started"),
            "closed": i["completedAt"], "created": i["createdAt"], "due": i["dueDate"],
            "blocker": i["priority"] == 1 or any(l["name"].lower() == "blocker" for l in i["labels"]["nodes"]),
        })
    return nodes[0]["name"], nodes[0].get("targetDate"), issues


def github(repo, milestone):
    out = subprocess.run(
        ["gh", "issue", "list", "--repo", repo, "--milestone", milestone, "--state", "all", "--limit", "500",
         "--json", "number,title,state,closedAt,createdAt,labels,assignees"],
        capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr.strip() or "gh failed; run `gh auth status`")
    issues = []
    for i in json.loads(out.stdout):
        labels = [l["name"].lower() for l in i["labels"]]
        state = "done" if i["state"] == "CLOSED" else ("in_progress" if i["assignees"] or "in progress" in labels else "not_started")
        issues.append({"id": f"#{i['number']}", "title": i["title"], "state": state, "closed": i["closedAt"],
                       "created": i["createdAt"], "due": None, "blocker": "blocker" in labels})
    return milestone, None, issues


def parse(ts):
    return dt.datetime.fromisoformat(ts.replace("Z", "+00:00")) if ts else None


def summarise(name, target, issues):
    total = len(issues)
    by = {s: sum(i["state"] == s for i in issues) for s in ("done", "in_progress", "not_started")}
    recent = [i for i in issues if i["closed"] and (NOW - parse(i["closed"])).days <= 14]
    overdue = [i for i in issues if i["due"] and i["state"] != "done" and dt.date.fromisoformat(i["due"]) < NOW.date()]
    blockers = sorted([i for i in issues if i["blocker"] and i["state"] != "done"], key=lambda i: i["created"])[:5]
    print(f"{name}" + (f" (target {target})" if target else ""))
    print(f"  total {total}: done {by['done']} ({by['done'] * 100 // max(total, 1)}%), "
          f"in progress {by['in_progress']}, not started {by['not_started']}")
    print(f"  closed in last 14 days: {len(recent)}")
    print(f"  overdue: {len(overdue)}")
    for i in blockers:
        age = (NOW - parse(i["created"])).days
        print(f"  blocker {i['id']} ({age}d): {i['title'][:70]}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="src", required=True)
    l = sub.add_parser("linear"); l.add_argument("--project", required=True)
    g = sub.add_parser("github"); g.add_argument("--repo", required=True); g.add_argument("--milestone", required=True)
    a = ap.parse_args()
    summarise(*(linear(a.project) if a.src == "linear" else github(a.repo, a.milestone)))


if __name__ == "__main__":
    main()
