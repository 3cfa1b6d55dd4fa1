#!/usr/bin/env python3
"""Render and post a release announcement to a Mattermost channel."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.request
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "announcement.md"
MAX_LEN = 16000


def changelog_section(path: str, version: str) -> str:
    text = Path(path).read_text(encoding="utf-8")
    pat = re.compile(rf"^##\s*\[?v?{re.escape(version)}\]?.*?$(.*?)(?=^##\s|\Z)", re.M | re.S)
    m = pat.search(text)
    if not m:
        sys.exit(f"version {version} not found in {path}")
    return m.group(1).strip()


def render(project: str, version: str, notes: str, url: str | None) -> str:
    bullets = [l for l in notes.splitlines() if l.lstrip().startswith(("-", "*"))]
    highlights = "\n".join(bullets[:5]) if bullets else notes[:800]
    if len(bullets) > 5:
        highlights += f"\n- …and {len(bullets) - 5} more"
    breaking = ":warning: **Contains breaking changes — read the upgrade notes.**\n\n" if "BREAKING" in notes else ""
    msg = TEMPLATE.read_text().format(project=project, version=version, highlights=highlights,
                                      breaking=breaking, url=url or "(see CHANGELOG)")
    return msg[:MAX_LEN]


def http_json(method: str, url: str, body: dict, token: str | None = None) -> dict:
    if not url.startswith("https://"):
        sys.exit("refusing non-https Mattermost URL")
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            raw = r.read().decode() or "{}"
            return json.loads(raw) if raw.strip().startswith("{") else {"status": r.status, "body": raw}
    except urllib.error.HTTPError as e:
        safe = re.sub(r"/hooks/\w+", "/hooks/****", url)
        sys.exit(f"{method} {safe} failed: HTTP {e.code} {e.read()[:200]!r}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["render", "post", "patch"])
    ap.add_argument("--project", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--changelog")
    ap.add_argument("--notes-file")
    ap.add_argument("--url")
    ap.add_argument("--via", choices=["webhook", "api"])
    ap.add_argument("--server")
    ap.add_argument("--channel", help="team-name/channel-name")
    ap.add_argument("--post-id")
    a = ap.parse_args()

    if a.changelog:
        notes = changelog_section(a.changelog, a.version)
    elif a.notes_file:
        notes = Path(a.notes_file).read_text()
    else:
        ap.error("--changelog or --notes-file required")
    msg = render(a.project, a.version, notes, a.url)

    if a.cmd == "render":
        print(msg)
        return 0

    if a.via == "webhook":
        hook = os.environ.get("MM_WEBHOOK_URL") or sys.exit("set MM_WEBHOOK_URL")
        res = http_json("POST", hook, {"text": msg})
        print(f"posted via webhook: {res.get('status', 'ok')}")
        return 0

    token = os.environ.get("MM_TOKEN") or sys.exit("set MM_TOKEN (personal access token)")
    if not a.server or not a.channel:
        ap.error("--server and --channel are required for --via api")
    api = a.server.rstrip("/") + "/api/v4"
    if a.cmd == "patch":
        res = http_json("PUT", f"{api}/posts/{a.post_id}/patch", {"message": msg}, token)
        print(f"updated post {res.get('id')}")
        return 0
    team, chan = a.channel.split("/", 1)
    req = urllib.request.Request(f"{api}/teams/name/{team}/channels/name/{chan}",
                                 headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=20) as r:
        channel_id = json.load(r)["id"]
    res = http_json("POST", f"{api}/posts", {"channel_id": channel_id, "message": msg}, token)
    print(f"posted {res.get('id')}: {a.server.rstrip('/')}/{team}/pl/{res.get('id')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
