#!/usr/bin/env python3
import argparse
import json
import os
import sys
import urllib.parse
import urllib.request

API = "https://slack.com/api/"


def call(method, token, payload, get=False):
    if get:
        req = urllib.request.Request(API + method + "?" + urllib.parse.urlencode(payload),
                                     headers={"Authorization": f"Bearer {token}"})
    else:
        req = urllib.request.Request(API + method, data=json.dumps(payload).encode(),
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json; charset=utf-8"})
    with urllib.request.urlopen(req, timeout=20) as r:
        data = json.load(r)
    if not data.get("ok"):
        sys.exit(f"slack {method} failed: {data.get('error')}")
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--channel", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--thread-ts")
    a = ap.parse_args()
    token = os.environ.get("SLACK_BOT_TOKEN")
    if not token:
        sys.exit("SLACK_BOT_TOKEN is not set")
    text = open(a.file, encoding="utf-8").read().strip()
    payload = {"channel": a.channel, "text": text,
               "unfurl_links": False, "mrkdwn": True}
    if a.thread_ts:
        payload["thread_ts"] = a.thread_ts
    res = call("chat.postMessage", token, payload)
    link = call("chat.getPermalink", token, {"channel": res["channel"], "message_ts": res["ts"]}, get=True)
    print(link["permalink"])


if __name__ == "__main__":
    main()
