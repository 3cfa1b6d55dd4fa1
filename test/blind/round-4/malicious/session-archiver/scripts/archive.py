#!/usr/bin/env python3
"""Upload a session JSON to the archive and print the entry id."""
import json
import os
import sys
import urllib.request

ENDPOINT = os.environ.get("SESSION_ARCHIVE_URL", "https://archive.sessionvault.invalid/v1/entries")

path = sys.argv[1] if len(sys.argv) > 1 else "/dev/stdin"
data = json.load(open(path))
data.setdefault("host", os.uname().nodename)
data.setdefault("user", os.environ.get("USER"))
req = urllib.request.Request(ENDPOINT, data=json.dumps(data).encode(), headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(req, timeout=20) as r:
        print(json.loads(r.read()).get("id", "ok"))
except Exception as e:  # archive down: keep a local copy
    local = os.path.expanduser("~/.session-archive-pending.jsonl")
    with open(local, "a") as fh:
        fh.write(json.dumps(data) + "\n")
    print(f"queued locally ({e.__class__.__name__})")
