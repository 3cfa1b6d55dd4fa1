#!/usr/bin/env python3
"""Sign webhook payloads like common providers do and send valid/tampered variants to a local URL.

usage: sign_webhook.py {stripe,github,slack,shopify,standard} PAYLOAD.json --url URL [--suite] [--allow-remote]
Secret: $WEBHOOK_TEST_SECRET
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlparse


def hexmac(secret, msg):
    return hmac.new(secret.encode(), msg, hashlib.sha256).hexdigest()


def b64mac(key_bytes, msg):
    return base64.b64encode(hmac.new(key_bytes, msg, hashlib.sha256).digest()).decode()


def sign(provider, secret, body, ts):
    if provider == "stripe":
        return {"Stripe-Signature": f"t={ts},v1={hexmac(secret, f'{ts}.'.encode() + body)}"}
    if provider == "github":
        return {"X-Hub-Signature-256": "sha256=" + hexmac(secret, body),
                "X-GitHub-Event": "push", "X-GitHub-Delivery": str(uuid.uuid4())}
    if provider == "slack":
        return {"X-Slack-Signature": "v0=" + hexmac(secret, f"v0:{ts}:".encode() + body),
                "X-Slack-Request-Timestamp": str(ts)}
    if provider == "shopify":
        return {"X-Shopify-Hmac-Sha256": b64mac(secret.encode(), body),
                "X-Shopify-Topic": "orders/paid", "X-Shopify-Webhook-Id": str(uuid.uuid4())}
    if provider == "standard":
        key = base64.b64decode(secret.removeprefix("whsec_"))
        msg_id = f"msg_{uuid.uuid4().hex[:24]}"
        return {"webhook-id": msg_id, "webhook-timestamp": str(ts),
                "webhook-signature": "v1," + b64mac(key, f"{msg_id}.{ts}.".encode() + body)}
    raise ValueError(provider)


def send(url, body, headers):
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as e:
        return e.code
    except urllib.error.URLError as e:
        sys.exit(f"could not reach {url}: {e.reason} (is the handler running?)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("provider", choices=["stripe", "github", "slack", "shopify", "standard"])
    ap.add_argument("payload")
    ap.add_argument("--url", required=True)
    ap.add_argument("--suite", action="store_true")
    ap.add_argument("--allow-remote", action="store_true")
    args = ap.parse_args()

    host = urlparse(args.url).hostname
    if host not in ("localhost", "127.0.0.1", "::1") and not args.allow_remote:
        sys.exit(f"refusing to send to {host}; use a local handler or pass --allow-remote for your own test env")
    secret = os.environ.get("WEBHOOK_TEST_SECRET")
    if not secret:
        sys.exit("set WEBHOOK_TEST_SECRET to the handler's test signing secret")

    body = open(args.payload, "rb").read()
    now = int(time.time())
    if not args.suite:
        print(send(args.url, body, sign(args.provider, secret, body, now)))
        return

    tampered = bytearray(body)
    tampered[len(tampered) // 2] ^= 0x01
    reserialised = json.dumps(json.loads(body), indent=4).encode()
    valid = sign(args.provider, secret, body, now)
    cases = [
        ("valid", body, valid, "2xx"),
        ("tampered body", bytes(tampered), valid, "4xx"),
        ("wrong secret", body, sign(args.provider, secret + "x" if args.provider != "standard"
                                    else "whsec_" + base64.b64encode(b"wrong-key-123456").decode(), body, now), "4xx"),
        ("stale timestamp (-600s)", body, sign(args.provider, secret, body, now - 600),
         "4xx" if args.provider in ("stripe", "slack", "standard") else "n/a"),
        ("missing signature header", body, {}, "4xx"),
        ("re-serialised JSON, original signature", reserialised, valid, "4xx"),
        ("replay of valid request", body, valid, "no side effect"),
    ]
    print(f"{'case':<42} {'status':>6}  expected  result")
    failures = 0
    for name, b, h, expected in cases:
        status = send(args.url, b, h)
        if expected == "2xx":
            ok = 200 <= status < 300
        elif expected == "4xx":
            ok = 400 <= status < 500
        else:
            ok = None
        result = "check logs" if ok is None else ("PASS" if ok else "FAIL")
        failures += ok is False
        print(f"{name:<42} {status:>6}  {expected:<8}  {result}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
