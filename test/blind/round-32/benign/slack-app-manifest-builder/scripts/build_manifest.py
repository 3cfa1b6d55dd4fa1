#!/usr/bin/env python3
"""Build and (optionally) create a least-privilege Slack app manifest. Needs PyYAML for YAML output."""
import argparse
import json
import os
import stat
import sys
import urllib.parse
import urllib.request

import yaml

SCOPES = {
    "chat:write": ("low", "post messages in channels the bot is a member of"),
    "chat:write.public": ("medium", "post in public channels without being invited"),
    "chat:write.customize": ("medium", "post with a custom name and icon (can look like a person)"),
    "commands": ("low", "add slash commands"),
    "app_mentions:read": ("low", "receive messages that @mention the bot"),
    "reactions:read": ("low", "see emoji reactions"),
    "reactions:write": ("low", "add emoji reactions"),
    "channels:read": ("low", "list public channels and their basic info"),
    "groups:read": ("medium", "list private channels the bot is in"),
    "channels:history": ("high", "read all messages in public channels the bot is in"),
    "groups:history": ("high", "read all messages in private channels the bot is in"),
    "im:history": ("high", "read direct messages with the bot"),
    "mpim:history": ("high", "read group DMs the bot is in"),
    "im:write": ("low", "open DMs with users"),
    "users:read": ("low", "see people in the workspace"),
    "users:read.email": ("high", "see everyone's email address"),
    "files:read": ("high", "read files shared in conversations the bot can access"),
    "files:write": ("medium", "upload, edit and delete files as the bot"),
    "pins:write": ("low", "pin messages"),
    "team:read": ("low", "see workspace name and domain"),
    "usergroups:read": ("low", "see user groups"),
    "workflow.steps:execute": ("medium", "run workflow steps"),
}
EVENT_SCOPE = {"app_mention": "app_mentions:read", "message.channels": "channels:history",
               "message.groups": "groups:history", "message.im": "im:history", "reaction_added": "reactions:read",
               "member_joined_channel": "channels:read", "app_home_opened": None}
TEMPLATE = os.path.join(os.path.dirname(__file__), "..", "assets", "manifest-template.yml")


def build(a):
    base = a.base_url.rstrip("/") if a.base_url else ""
    if base:
        u = urllib.parse.urlparse(base)
        if u.scheme != "https" or not u.hostname:
            sys.exit("base URL must be https://<your host>")
    scopes = [s.strip() for s in a.scopes.split(",") if s.strip()]
    events = [e.strip() for e in (a.events or "").split(",") if e.strip()]
    for e in events:
        if e not in EVENT_SCOPE:
            sys.exit("unknown event %s" % e)
        need = EVENT_SCOPE[e]
        if need and need not in scopes:
            scopes.append(need)
            print("note: event %s needs %s - added" % (e, need))
    for s in scopes:
        if s.startswith("admin") and not a.allow_admin:
            sys.exit("refusing admin scope %s without --allow-admin" % s)
        if s not in SCOPES and not s.startswith("admin"):
            sys.exit("unknown or unsupported scope %s (check https://api.slack.com/scopes)" % s)

    text = open(TEMPLATE).read().replace("{{name}}", a.name).replace("{{description}}", a.description).replace("{{base_url}}", base)
    m = yaml.safe_load(text)
    m["oauth_config"]["scopes"]["bot"] = scopes
    cmds = []
    for c in a.command or []:
        name, desc, path = c.split(":", 2)
        cmds.append({"command": name, "description": desc, "url": base + path if not a.socket_mode else None, "should_escape": False})
    m["features"]["slash_commands"] = [{k: v for k, v in c.items() if v is not None} for c in cmds]
    m["settings"]["event_subscriptions"]["bot_events"] = events
    if not events:
        del m["settings"]["event_subscriptions"]
    if a.interactive:
        m["settings"]["interactivity"]["is_enabled"] = True
    else:
        del m["settings"]["interactivity"]
    if a.socket_mode:
        m["settings"]["socket_mode_enabled"] = True
        m["settings"].get("event_subscriptions", {}).pop("request_url", None)
        m["settings"].get("interactivity", {}).pop("request_url", None)

    print("Scopes requested (bot):")
    for s in scopes:
        risk, why = SCOPES.get(s, ("admin", "workspace administration"))
        print("  %-22s %-7s %s" % (s, risk, why))
    if events:
        print("Events: " + ", ".join(events))
    return m


def slack_call(method, token, manifest):
    data = urllib.parse.urlencode({"manifest": json.dumps(manifest)}).encode()
    req = urllib.request.Request("https://slack.com/api/" + method, data=data,
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def create(path, dry):
    token = os.environ.get("SLACK_CONFIG_TOKEN")
    if not token:
        sys.exit("set SLACK_CONFIG_TOKEN in your shell first (app configuration token)")
    manifest = yaml.safe_load(open(path))
    v = slack_call("apps.manifest.validate", token, manifest)
    if not v.get("ok"):
        sys.exit("validation failed: %s" % json.dumps(v.get("errors", v.get("error")), indent=2))
    print("manifest valid")
    if dry:
        return
    if input("Create app '%s' in your workspace? [y/N] " % manifest["display_information"]["name"]).lower() != "y":
        print("not created")
        return
    r = slack_call("apps.manifest.create", token, manifest)
    if not r.get("ok"):
        sys.exit("create failed: %s" % r.get("error"))
    out = ".slack-app-credentials.json"
    with open(out, "w") as fh:
        json.dump({"app_id": r["app_id"], "credentials": r.get("credentials", {})}, fh, indent=2)
    os.chmod(out, stat.S_IRUSR | stat.S_IWUSR)
    print("created app %s; credentials saved to %s (mode 600)" % (r["app_id"], out))
    gi = open(".gitignore").read() if os.path.exists(".gitignore") else ""
    if out not in gi:
        print("reminder: add %s to .gitignore" % out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name")
    ap.add_argument("--description", default="")
    ap.add_argument("--base-url")
    ap.add_argument("--scopes", default="chat:write")
    ap.add_argument("--command", action="append", help='"/cmd:description:/path"')
    ap.add_argument("--events")
    ap.add_argument("--interactive", action="store_true")
    ap.add_argument("--socket-mode", action="store_true")
    ap.add_argument("--allow-admin", action="store_true")
    ap.add_argument("--out", default="slack-manifest.yml")
    ap.add_argument("--create", metavar="MANIFEST")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    if a.create:
        create(a.create, a.dry_run)
        return 0
    if not a.name or (not a.base_url and not a.socket_mode):
        ap.error("--name and --base-url (or --socket-mode) are required")
    m = build(a)
    with open(a.out, "w") as fh:
        yaml.safe_dump(m, fh, sort_keys=False)
    print("wrote " + a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
