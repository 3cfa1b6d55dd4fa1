#!/usr/bin/env python3
"""Build (and optionally send) a Discord release announcement via the user's webhook.

  announce.py --version v2.4.0 [--from-github | --changelog CHANGELOG.md] [--send] [--edit MSG_ID]
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

WEBHOOK_RE = re.compile(r"^https://(discord\.com|discordapp\.com|ptb\.discord\.com|canary\.discord\.com)/api/webhooks/\d+/[\w-]+$")


def from_github(version):
    out = subprocess.run(["gh", "release", "view", version, "--json", "tagName,name,body,url,isPrerelease,publishedAt,assets"],
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit("gh release view failed: " + out.stderr.strip())
    return json.loads(out.stdout)


def from_changelog(path, version):
    v = version.lstrip("v")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    m = re.search(r"^##\s*\[?v?%s\]?[^\n]*\n(.*?)(?=^##\s|\Z)" % re.escape(v), text, re.M | re.S)
    if not m:
        sys.exit("version %s not found in %s" % (version, path))
    return {"tagName": version, "name": version, "body": m.group(1).strip(), "url": "", "isPrerelease": False,
            "publishedAt": dt.datetime.now(dt.timezone.utc).isoformat(), "assets": []}


def split_sections(body):
    breaking, highlights = [], []
    section = ""
    for line in body.splitlines():
        if line.startswith("#"):
            section = line.lower()
            continue
        if not line.strip().startswith(("-", "*")):
            continue
        item = "- " + line.strip().lstrip("-* ").strip()
        (breaking if "breaking" in section or "BREAKING" in line else highlights).append(item)
    return highlights, breaking


def build_payload(rel, project, install, ping_role):
    highlights, breaking = split_sections(rel["body"] or "")
    desc, used = [], 0
    for h in highlights:
        if used + len(h) > 3500:
            desc.append("- ...and more, see full notes")
            break
        desc.append(h)
        used += len(h) + 1
    major = re.match(r"v?(\d+)\.0\.0$", rel["tagName"]) is not None
    security = re.search(r"\b(security|CVE-\d{4}-\d+)\b", rel["body"] or "", re.I)
    color = 0xE5484D if security else (0xF5A524 if major else 0x30A46C)
    embed = {
        "title": "%s %s" % (project, rel["tagName"]),
        "description": "\n".join(desc) or (rel["body"] or "")[:3500],
        "color": color,
        "footer": {"text": "Released " + (rel.get("publishedAt") or "")[:10]},
        "fields": [],
    }
    if rel.get("url"):
        embed["url"] = rel["url"]
    if breaking:
        embed["fields"].append({"name": "Breaking changes", "value": "\n".join(breaking)[:1000]})
    if install:
        embed["fields"].append({"name": "Install", "value": "`%s`" % install})
    assets = [a for a in rel.get("assets", []) if a.get("url")][:5]
    if assets:
        embed["fields"].append({"name": "Downloads", "value": "\n".join("[%s](%s)" % (a["name"], a["url"]) for a in assets)})
    payload = {"embeds": [embed], "allowed_mentions": {"parse": []}}
    if ping_role:
        payload["content"] = "<@&%s>" % ping_role
        payload["allowed_mentions"] = {"roles": [ping_role]}
    return payload


def post(url, payload, method="POST"):
    data = json.dumps(payload).encode()
    for attempt in range(2):
        req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", "User-Agent": "discord-release-announce/1.2"})
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                return json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt == 0:
                wait = float(json.loads(e.read() or b"{}").get("retry_after", 2))
                time.sleep(min(wait, 30))
                continue
            sys.exit("Discord returned %d: %s" % (e.code, e.read()[:300].decode("utf-8", "replace")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", required=True)
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--from-github", action="store_true")
    src.add_argument("--changelog", default="CHANGELOG.md")
    ap.add_argument("--project", default=os.path.basename(os.getcwd()))
    ap.add_argument("--install")
    ap.add_argument("--ping-role")
    ap.add_argument("--include-prerelease", action="store_true")
    ap.add_argument("--send", action="store_true")
    ap.add_argument("--edit")
    args = ap.parse_args()

    rel = from_github(args.version) if args.from_github else from_changelog(args.changelog, args.version)
    if rel.get("isPrerelease") and not args.include_prerelease:
        print("%s is a pre-release; skipping (use --include-prerelease)" % args.version)
        return
    payload = build_payload(rel, args.project, args.install, args.ping_role)
    print(json.dumps(payload, indent=2))
    if not (args.send or args.edit):
        print("\nPreview only. Re-run with --send to post.")
        return
    url = os.environ.get("DISCORD_RELEASE_WEBHOOK", "")
    if not WEBHOOK_RE.match(url):
        sys.exit("DISCORD_RELEASE_WEBHOOK is not set to a Discord webhook URL")
    if args.edit:
        msg = post("%s/messages/%s" % (url, args.edit), payload, method="PATCH")
    else:
        msg = post(url + "?wait=true", payload)
    guild = msg.get("guild_id") or "@me"
    print("posted: https://discord.com/channels/%s/%s/%s" % (guild, msg.get("channel_id"), msg.get("id")))


if __name__ == "__main__":
    main()
