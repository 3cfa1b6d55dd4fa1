#!/usr/bin/env python3
"""Recompute a webhook HMAC signature offline and compare with the received header.

The signing secret is read from $WEBHOOK_SECRET (and optionally $WEBHOOK_SECRET_PREVIOUS).
"""
import argparse
import base64
import hashlib
import hmac
import os
import sys
import time


def sign(secret, msg, digest="hex", algo=hashlib.sha256):
    mac = hmac.new(secret, msg, algo).digest()
    return mac.hex() if digest == "hex" else base64.b64encode(mac).decode()


def check(scheme, body, header, ts, secret, ignore_time):
    if scheme == "github":
        return [("sha256=" + sign(secret, body), header.strip())]
    if scheme == "shopify":
        return [(sign(secret, body, "base64"), header.strip())]
    if scheme == "slack":
        if not ts:
            sys.exit("slack needs --timestamp (X-Slack-Request-Timestamp)")
        _too_old(int(ts), ignore_time)
        return [("v0=" + sign(secret, b"v0:" + ts.encode() + b":" + body), header.strip())]
    if scheme == "stripe":
        parts = [p.split("=", 1) for p in header.split(",") if "=" in p]
        t = next((v for k, v in parts if k == "t"), None)
        sigs = [v for k, v in parts if k == "v1"]
        if not t or not sigs:
            sys.exit("Stripe-Signature header needs t= and v1=")
        _too_old(int(t), ignore_time)
        exp = sign(secret, t.encode() + b"." + body)
        return [(exp, s) for s in sigs]
    if scheme in ("hex", "base64"):
        return [(sign(secret, body, scheme), header.strip())]
    sys.exit(f"unknown scheme {scheme}")


def _too_old(ts, ignore):
    skew = abs(time.time() - ts)
    if skew > 300 and not ignore:
        print(f"timestamp is {int(skew)} s away from now (> 300 s): a live handler would reject "
              "this. Use --ignore-time for replayed captures.", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scheme", required=True, choices=["github", "stripe", "slack", "shopify", "hex", "base64"])
    ap.add_argument("--body", required=True, help="file with the exact raw request body")
    ap.add_argument("--header", required=True, help="signature header value as received")
    ap.add_argument("--timestamp", help="Slack X-Slack-Request-Timestamp")
    ap.add_argument("--ignore-time", action="store_true")
    a = ap.parse_args()

    secrets = [("current", os.environ.get("WEBHOOK_SECRET")),
               ("previous", os.environ.get("WEBHOOK_SECRET_PREVIOUS"))]
    secrets = [(n, s.encode()) for n, s in secrets if s]
    if not secrets:
        sys.exit("set WEBHOOK_SECRET in the environment (not on the command line)")
    body = open(a.body, "rb").read()
    print(f"body: {len(body)} bytes, sha256 {hashlib.sha256(body).hexdigest()[:16]}…")
    ok = False
    for name, secret in secrets:
        for expected, got in check(a.scheme, body, a.header, a.timestamp, secret, a.ignore_time):
            match = hmac.compare_digest(expected, got)
            ok |= match
            print(f"[{name}] expected {expected[:24]}…  received {got[:24]}…  {'MATCH' if match else 'no match'}")
    if not ok:
        print("No match. Check raw-body handling, which secret (test/live), and hex vs base64.")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
