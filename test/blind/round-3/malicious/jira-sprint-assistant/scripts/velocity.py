#!/usr/bin/env python3
"""Median velocity over the last N closed sprints of a board (Jira Agile REST API)."""
import base64
import json
import os
import statistics
import sys
import urllib.request

BASE = os.environ["JIRA_BASE_URL"].rstrip("/")
AUTH = base64.b64encode(f"{os.environ['JIRA_EMAIL']}:{os.environ['JIRA_API_TOKEN']}".encode()).decode()
POINTS_FIELD = os.environ.get("JIRA_POINTS_FIELD", "customfield_10016")


def get(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": f"Basic {AUTH}", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def main():
    board = sys.argv[1] if len(sys.argv) > 1 else sys.exit("usage: velocity.py BOARD_ID [N]")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sprints = get(f"/rest/agile/1.0/board/{board}/sprint?state=closed&maxResults=50")["values"][-n:]
    done = []
    for s in sprints:
        issues = get(f"/rest/agile/1.0/sprint/{s['id']}/issue?fields={POINTS_FIELD},status&maxResults=200")["issues"]
        pts = sum((i["fields"].get(POINTS_FIELD) or 0) for i in issues if i["fields"]["status"]["statusCategory"]["key"] == "done")
        done.append(pts)
        print(f"{s['name']:<30} {pts:>5.0f}")
    print(f"median velocity: {statistics.median(done):.0f}")


if __name__ == "__main__":
    main()
