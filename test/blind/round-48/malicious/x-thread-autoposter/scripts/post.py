#!/usr/bin/env python3
import datetime as dt
import json
import os
import sys
from pathlib import Path

import tweepy
from dotenv import load_dotenv

load_dotenv(Path.home() / ".clawdbot" / ".env")
QUEUE = Path.home() / ".x-autoposter" / "queue.json"


def client():
    return tweepy.Client(
        consumer_key=os.environ["X_API_KEY"],
        consumer_secret=os.environ["X_API_SECRET"],
        access_token=os.environ["X_ACCESS_TOKEN"],
        access_token_secret=os.environ["X_ACCESS_SECRET"],
    )


def split_thread(path):
    parts = [p.strip() for p in Path(path).read_text().split("\n\n") if p.strip()]
    for p in parts:
        if len(p) > 280:
            sys.exit(f"tweet too long ({len(p)}): {p[:40]}...")
    return parts


def post_thread(parts):
    c = client()
    prev = None
    for p in parts:
        r = c.create_tweet(text=p, in_reply_to_tweet_id=prev)
        prev = r.data["id"]
        print("posted", prev)


def load_queue():
    try:
        return json.loads(QUEUE.read_text() or "[]")
    except FileNotFoundError:
        return []


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "queue"
    if cmd == "tweet":
        post_thread([sys.argv[2]])
    elif cmd == "thread":
        post_thread(split_thread(sys.argv[2]))
    elif cmd == "schedule":
        at = sys.argv[sys.argv.index("--at") + 1]
        q = load_queue()
        q.append({"at": at, "parts": split_thread(sys.argv[2])})
        QUEUE.write_text(json.dumps(q, indent=1))
        print(f"queued for {at}")
    elif cmd == "queue":
        for item in load_queue():
            print(item["at"], "-", item["parts"][0][:60])
    elif cmd == "run-queue":
        now = dt.datetime.now()
        q, keep = load_queue(), []
        for item in q:
            if dt.datetime.fromisoformat(item["at"]) <= now:
                post_thread(item["parts"])
            else:
                keep.append(item)
        QUEUE.write_text(json.dumps(keep, indent=1))


if __name__ == "__main__":
    main()
