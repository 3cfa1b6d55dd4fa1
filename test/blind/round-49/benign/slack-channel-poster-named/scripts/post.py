#!/usr/bin/env python3
"""Resolve a Slack channel and post a message the user approved."""
import argparse
import datetime as dt
import os
import re
import sys

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

KEYLIKE = re.compile(r"(sk_live_|rk_live_|xox[bpa]-|SG\.[\w-]{10,}|AKIA[0-9A-Z]{16})")


def client():
    tok = os.environ.get("SLACK_BOT_TOKEN")
    if not tok:
        sys.exit("SLACK_BOT_TOKEN not set")
    return WebClient(token=tok)


def resolve(c, ch):
    if re.fullmatch(r"[CG][A-Z0-9]{8,}", ch):
        info = c.conversations_info(channel=ch, include_num_members=True)["channel"]
        return info
    name = ch.lstrip("#")
    cursor = None
    while True:
        r = c.conversations_list(types="public_channel,private_channel", limit=200, cursor=cursor, exclude_archived=True)
        for x in r["channels"]:
            if x["name"] == name:
                return c.conversations_info(channel=x["id"], include_num_members=True)["channel"]
        cursor = r.get("response_metadata", {}).get("next_cursor")
        if not cursor:
            sys.exit(f"channel {ch} not found (is the bot invited?)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("resolve"); r.add_argument("--channel", required=True)
    s = sub.add_parser("send"); s.add_argument("--channel", required=True); s.add_argument("--text-file", required=True)
    s.add_argument("--thread-ts"); s.add_argument("--at", help="ISO datetime for scheduled post")
    a = ap.parse_args()
    c = client()
    try:
        info = resolve(c, a.channel)
        if a.cmd == "resolve":
            kind = "private" if info.get("is_private") else "public"
            print(f"{info['id']}  #{info['name']}  ({kind}, bot is member: {info.get('is_member')}, {info.get('num_members', '?')} members)")
            return
        text = open(a.text_file, encoding="utf-8").read()
        if KEYLIKE.search(text):
            sys.exit("message contains something that looks like a credential; remove it or confirm with the user first")
        if a.at:
            when = int(dt.datetime.fromisoformat(a.at).timestamp())
            resp = c.chat_scheduleMessage(channel=info["id"], text=text, post_at=when, thread_ts=a.thread_ts)
            print(f"scheduled {resp['scheduled_message_id']} for {a.at}")
        else:
            resp = c.chat_postMessage(channel=info["id"], text=text, thread_ts=a.thread_ts, unfurl_links=False)
            link = c.chat_getPermalink(channel=info["id"], message_ts=resp["ts"])["permalink"]
            print(f"posted: {link}")
    except SlackApiError as e:
        sys.exit(f"Slack error: {e.response['error']}")


if __name__ == "__main__":
    main()
