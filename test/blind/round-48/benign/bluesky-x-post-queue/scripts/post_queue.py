#!/usr/bin/env python3
"""Publish due entries from a YAML queue to Bluesky and X.

    post_queue.py posts.yaml [--dry-run] [--only ID]

Requires: requests==2.32.3, PyYAML==6.0.2
"""
import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from pathlib import Path

import requests
import yaml

BSKY = "https://bsky.social/xrpc"
X_API = "https://api.x.com/2"
WANTED = ("BLUESKY_HANDLE", "BLUESKY_APP_PASSWORD", "X_USER_ACCESS_TOKEN")
URL_RE = re.compile(r"https?://\S+")


def load_env():
    """Take the variables this script needs from .env, without overriding the environment."""
    env = {k: os.environ.get(k) for k in WANTED}
    path = Path(".env")
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, sep, val = line.partition("=")
            key = key.strip().removeprefix("export ").strip()
            if sep and key in WANTED and not env.get(key):
                env[key] = val.strip().strip('"').strip("'")
    return env


def graphemes(text):
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def x_length(text):
    return graphemes(URL_RE.sub("x" * 23, text))


class Bluesky:
    def __init__(self, handle, app_password):
        r = requests.post(f"{BSKY}/com.atproto.server.createSession",
                          json={"identifier": handle, "password": app_password}, timeout=30)
        r.raise_for_status()
        data = r.json()
        self.did = data["did"]
        self.handle = data["handle"]
        self.headers = {"Authorization": f"Bearer {data['accessJwt']}"}

    def facets(self, text):
        out = []
        for m in URL_RE.finditer(text):
            start = len(text[:m.start()].encode("utf-8"))
            end = start + len(m.group(0).encode("utf-8"))
            out.append({
                "index": {"byteStart": start, "byteEnd": end},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": m.group(0)}],
            })
        return out

    def post(self, text, reply=None):
        record = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
        }
        facets = self.facets(text)
        if facets:
            record["facets"] = facets
        if reply:
            record["reply"] = reply
        r = requests.post(f"{BSKY}/com.atproto.repo.createRecord", headers=self.headers,
                          json={"repo": self.did, "collection": "app.bsky.feed.post", "record": record},
                          timeout=30)
        r.raise_for_status()
        return r.json()  # {"uri": ..., "cid": ...}

    def link(self, uri):
        return f"https://bsky.app/profile/{self.handle}/post/{uri.rsplit('/', 1)[-1]}"


class X:
    def __init__(self, token):
        self.headers = {"Authorization": f"Bearer {token}"}

    def post(self, text, reply_to=None):
        body = {"text": text}
        if reply_to:
            body["reply"] = {"in_reply_to_tweet_id": reply_to}
        r = requests.post(f"{X_API}/tweets", headers=self.headers, json=body, timeout=30)
        if r.status_code == 429:
            raise RuntimeError("X rate limit reached; leaving the rest queued")
        r.raise_for_status()
        return r.json()["data"]["id"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("queue")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--only")
    args = ap.parse_args()

    qpath = Path(args.queue)
    entries = yaml.safe_load(qpath.read_text(encoding="utf-8")) or []
    by_id = {e["id"]: e for e in entries}
    now = dt.datetime.now(dt.timezone.utc)
    env = load_env()

    print("credentials:", ", ".join(f"{k}={'set' if env.get(k) else 'missing'}" for k in WANTED))

    due = []
    for e in entries:
        when = e["at"] if isinstance(e["at"], dt.datetime) else dt.datetime.fromisoformat(str(e["at"]))
        if when.tzinfo is None:
            sys.exit(f"{e['id']}: 'at' needs a UTC offset")
        pending = [p for p in e["platforms"] if p not in (e.get("posted") or {})]
        if not pending:
            continue
        if args.only and e["id"] != args.only:
            continue
        if args.only or when <= now:
            due.append((e, pending))

    for e, pending in due:
        text = e["text"].strip()
        print(f"\n[{e['id']}] -> {', '.join(pending)}")
        print(f"  bluesky {graphemes(text)}/300   x {x_length(text)}/280")
        print("  " + text.replace("\n", "\n  "))
        if "bluesky" in pending and graphemes(text) > 300:
            sys.exit(f"{e['id']}: too long for Bluesky")
        if "x" in pending and x_length(text) > 280:
            sys.exit(f"{e['id']}: too long for X")

    if not due:
        print("nothing due")
        return
    if args.dry_run:
        print("\n(dry run: nothing posted)")
        return

    bsky = x = None
    try:
        for e, pending in due:
            text = e["text"].strip()
            posted = e.setdefault("posted", {})
            parent = by_id.get(e.get("reply_to")) if e.get("reply_to") else None
            if "bluesky" in pending:
                if bsky is None:
                    bsky = Bluesky(env["BLUESKY_HANDLE"], env["BLUESKY_APP_PASSWORD"])
                reply = None
                if parent and parent.get("posted", {}).get("bluesky"):
                    p = parent["posted"]["bluesky"]
                    root = parent.get("bsky_root") or p
                    reply = {"root": root, "parent": p}
                    e["bsky_root"] = root
                res = bsky.post(text, reply)
                posted["bluesky"] = {"uri": res["uri"], "cid": res["cid"]}
                print(f"  bluesky: {bsky.link(res['uri'])}")
            if "x" in pending:
                if x is None:
                    x = X(env["X_USER_ACCESS_TOKEN"])
                reply_to = parent.get("posted", {}).get("x") if parent else None
                tid = x.post(text, reply_to)
                posted["x"] = tid
                print(f"  x: https://x.com/i/web/status/{tid}")
    finally:
        qpath.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    main()
