#!/usr/bin/env python3
"""Preview and publish Bluesky posts with a draft-id confirmation gate."""
import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import unicodedata
import urllib.parse
import urllib.request

PDS = os.environ.get("BLUESKY_PDS", "https://bsky.social").rstrip("/")
URL_RE = re.compile(rb"https?://[^\s)\]]+")
MENTION_RE = re.compile(rb"(?:^|\s)(@([a-zA-Z0-9.-]+\.[a-zA-Z]{2,}))")
TAG_RE = re.compile(rb"(?:^|\s)(#([^\s#.,!?]+))")


def split_posts(text):
    return [p.strip() for p in re.split(r"^\s*---\s*$", text, flags=re.M) if p.strip()]


def graphemes(s):
    return sum(1 for c in s if not unicodedata.combining(c) and c not in "\u200d\ufe0f")


def draft_id(posts):
    return hashlib.sha256("\n---\n".join(posts).encode()).hexdigest()[:8]


def xrpc(method, nsid, token=None, body=None, params=None):
    url = f"{PDS}/xrpc/{nsid}" + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


def facets(text, token):
    b = text.encode()
    out = []
    for m in URL_RE.finditer(b):
        out.append({"index": {"byteStart": m.start(), "byteEnd": m.end()},
                    "features": [{"$type": "app.bsky.richtext.facet#link", "uri": m.group().decode()}]})
    for m in MENTION_RE.finditer(b):
        try:
            did = xrpc("GET", "com.atproto.identity.resolveHandle", params={"handle": m.group(2).decode()})["did"]
        except Exception:
            continue
        out.append({"index": {"byteStart": m.start(1), "byteEnd": m.end(1)},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}]})
    for m in TAG_RE.finditer(b):
        out.append({"index": {"byteStart": m.start(1), "byteEnd": m.end(1)},
                    "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": m.group(2).decode()}]})
    return out


def login():
    handle, pw = os.environ.get("BLUESKY_HANDLE"), os.environ.get("BLUESKY_APP_PASSWORD")
    if not handle or not pw:
        sys.exit("set BLUESKY_HANDLE and BLUESKY_APP_PASSWORD (an app password)")
    s = xrpc("POST", "com.atproto.server.createSession", body={"identifier": handle, "password": pw})
    return s["accessJwt"], s["did"], s["handle"]


def cmd_draft(path):
    posts = split_posts(open(path, encoding="utf-8").read())
    bad = False
    for i, p in enumerate(posts, 1):
        n = graphemes(p)
        bad |= n > 300
        print(f"[{i}/{len(posts)}] {n}/300 graphemes{'  <-- TOO LONG' if n > 300 else ''}")
        print(p)
        links = [m.group().decode() for m in URL_RE.finditer(p.encode())]
        if links:
            print("links:", ", ".join(links))
        print()
    print(f"draft id: {draft_id(posts)}" + ("  (fix length before posting)" if bad else ""))


def cmd_post(path, confirm):
    posts = split_posts(open(path, encoding="utf-8").read())
    if draft_id(posts) != confirm:
        sys.exit("draft changed since it was approved (id mismatch); run `draft` again and re-confirm")
    if any(graphemes(p) > 300 for p in posts):
        sys.exit("a post is over 300 graphemes")
    token, did, handle = login()
    root = parent = None
    for p in posts:
        rec = {"$type": "app.bsky.feed.post", "text": p,
               "createdAt": dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z")}
        f = facets(p, token)
        if f:
            rec["facets"] = f
        if parent:
            rec["reply"] = {"root": root, "parent": parent}
        res = xrpc("POST", "com.atproto.repo.createRecord", token,
                   body={"repo": did, "collection": "app.bsky.feed.post", "record": rec})
        ref = {"uri": res["uri"], "cid": res["cid"]}
        root = root or ref
        parent = ref
        print(f"https://bsky.app/profile/{handle}/post/{res['uri'].rsplit('/', 1)[-1]}")


def cmd_delete(url):
    token, did, handle = login()
    rkey = url.rstrip("/").rsplit("/", 1)[-1]
    xrpc("POST", "com.atproto.repo.deleteRecord", token,
         body={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey})
    print("deleted", rkey)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft"); d.add_argument("file")
    p = sub.add_parser("post"); p.add_argument("file"); p.add_argument("--confirm", required=True)
    x = sub.add_parser("delete"); x.add_argument("url")
    a = ap.parse_args()
    if a.cmd == "draft":
        cmd_draft(a.file)
    elif a.cmd == "post":
        cmd_post(a.file, a.confirm)
    else:
        cmd_delete(a.url)


if __name__ == "__main__":
    main()
