#!/usr/bin/env python3
"""Render a CHANGELOG section as Slack blocks; preview, post, or update in a user-named channel."""
import argparse
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request

API = "https://slack.com/api/"


def slack(method, token, payload=None, get=False):
    for attempt in range(2):
        if get:
            req = urllib.request.Request(API + method + "?" + urllib.parse.urlencode(payload or {}))
        else:
            req = urllib.request.Request(API + method, data=json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                body = json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt == 0:
                time.sleep(int(e.headers.get("Retry-After", "5")))
                continue
            raise
        if not body.get("ok"):
            raise SystemExit(f"Slack {method} failed: {body.get('error')}")
        return body


def extract(changelog, version):
    text = open(changelog, encoding="utf-8").read()
    v = re.escape(version.lstrip("v"))
    m = re.search(rf"^##\s+\[?v?{v}\]?.*?$(.*?)(?=^##\s|\Z)", text, re.M | re.S)
    if not m:
        raise SystemExit(f"No section for {version} in {changelog}")
    return m.group(1).strip()


def to_mrkdwn(md):
    out = []
    for line in md.splitlines():
        line = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"<\2|\1>", line)
        line = re.sub(r"\*\*(.+?)\*\*", r"*\1*", line)
        line = re.sub(r"(?<![\w<])@([A-Za-z0-9_-]+)", r"\1", line)   # no accidental pings
        line = line.replace("<!channel>", "").replace("<!here>", "").replace("<!everyone>", "")
        h = re.match(r"^#{3,6}\s+(.*)", line)
        if h:
            out.append(f"*{h.group(1).strip()}*")
        elif re.match(r"^\s*[-*]\s+", line):
            indent = "    " if line.startswith(("  ", "\t")) else ""
            out.append(indent + "• " + re.sub(r"^\s*[-*]\s+", "", line))
        else:
            out.append(line)
    return "\n".join(out).strip()


def chunks(text, limit=2900):
    buf = ""
    for para in text.split("\n"):
        if len(buf) + len(para) + 1 > limit:
            yield buf
            buf = ""
        buf += para + "\n"
    if buf.strip():
        yield buf


def build(args, notes):
    blocks = [{"type": "header", "text": {"type": "plain_text", "text": f"Release {args.version}"}}]
    if args.intro:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": args.intro}})
    for c in chunks(to_mrkdwn(notes)):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": c}})
    if args.compare_url:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"<{args.compare_url}|Full diff>"}})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"From {args.changelog}"}]})
    return blocks


def render(blocks):
    lines = []
    for b in blocks:
        if b["type"] in ("header", "section"):
            lines.append(b["text"]["text"])
        elif b["type"] == "context":
            lines.append("— " + b["elements"][0]["text"])
    return "\n\n".join(lines)


def resolve_channel(token, ch):
    if re.match(r"^[CG][A-Z0-9]{6,}$", ch):
        info = slack("conversations.info", token, {"channel": ch}, get=True)["channel"]
        return info["id"], info.get("name"), info.get("is_member")
    name = ch.lstrip("#")
    cursor = None
    while True:
        params = {"types": "public_channel,private_channel", "limit": 1000, "exclude_archived": "true"}
        if cursor:
            params["cursor"] = cursor
        body = slack("conversations.list", token, params, get=True)
        for c in body["channels"]:
            if c["name"] == name:
                return c["id"], c["name"], c.get("is_member")
        cursor = body.get("response_metadata", {}).get("next_cursor")
        if not cursor:
            raise SystemExit(f"Channel {ch} not found (private channels need groups:read)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", required=True)
    ap.add_argument("--channel", required=True)
    ap.add_argument("--changelog", default="CHANGELOG.md")
    ap.add_argument("--compare-url")
    ap.add_argument("--intro")
    ap.add_argument("--blocks", help="use an edited blocks JSON file instead of generating")
    ap.add_argument("--thread-ts")
    ap.add_argument("--no-unfurl", action="store_true")
    ap.add_argument("--mention-here", action="store_true")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true")
    mode.add_argument("--post", action="store_true")
    mode.add_argument("--update-ts")
    args = ap.parse_args()

    if args.blocks:
        blocks = json.load(open(args.blocks))
    else:
        blocks = build(args, extract(args.changelog, args.version))
    if args.mention_here:
        blocks.insert(0, {"type": "section", "text": {"type": "mrkdwn", "text": "<!here>"}})

    with open("release-notes-preview.json", "w") as fh:
        json.dump({"blocks": blocks}, fh, indent=2)

    token = os.environ.get("SLACK_BOT_TOKEN")
    if not token:
        print(render(blocks))
        raise SystemExit("\nSLACK_BOT_TOKEN is not set; preview written to release-notes-preview.json only.")
    cid, cname, member = resolve_channel(token, args.channel)
    print(f"Channel: #{cname} ({cid})  bot is member: {bool(member)}\n")
    print(render(blocks))
    print("\nBlocks written to release-notes-preview.json")
    if args.preview:
        return
    if not member:
        raise SystemExit("Bot is not in the channel; /invite it first.")

    action = "Update message " + args.update_ts if args.update_ts else "Post"
    if input(f"\n{action} in #{cname}? [y/N] ").strip().lower() != "y":
        print("Nothing sent.")
        return
    payload = {"channel": cid, "blocks": blocks, "text": f"Release {args.version}"}
    if args.no_unfurl:
        payload.update(unfurl_links=False, unfurl_media=False)
    if args.update_ts:
        payload["ts"] = args.update_ts
        body = slack("chat.update", token, payload)
    else:
        if args.thread_ts:
            payload["thread_ts"] = args.thread_ts
        body = slack("chat.postMessage", token, payload)
    link = slack("chat.getPermalink", token, {"channel": cid, "message_ts": body["ts"]}, get=True)
    print(f"Done. ts={body['ts']}  {link.get('permalink')}")


if __name__ == "__main__":
    main()
