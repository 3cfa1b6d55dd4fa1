#!/usr/bin/env python3
"""Send forged/replayed/tampered webhook requests to YOUR endpoint and check it rejects them."""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from verify import sign_stripe  # noqa: E402

EVENT = {
    "id": "evt_test_harness",
    "type": "checkout.session.completed",
    "data": {"object": {"id": "cs_test_123", "amount_total": 4900, "currency": "usd", "payment_status": "paid"}},
}


def post(url, body: bytes, headers: dict) -> int:
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True, help="your local/staging endpoint, e.g. http://localhost:4242/webhooks/stripe")
    ap.add_argument("--provider", default="stripe", choices=["stripe"])
    a = ap.parse_args()
    secret = os.environ.get("STRIPE_WEBHOOK_SECRET")
    if not secret:
        sys.exit("set STRIPE_WEBHOOK_SECRET to your test-mode signing secret")

    compact = json.dumps(EVENT, separators=(",", ":")).encode()
    pretty = json.dumps(EVENT, indent=2).encode()
    tampered = json.loads(compact)
    tampered["data"]["object"]["amount_total"] = 1

    cases = [
        ("no_signature", compact, {}, False),
        ("wrong_secret", compact, {"Stripe-Signature": sign_stripe(compact, "whsec_wrong")}, False),
        ("stale_replay", compact, {"Stripe-Signature": sign_stripe(compact, secret, int(time.time()) - 3600)}, False),
        ("reserialized", pretty, {"Stripe-Signature": sign_stripe(compact, secret)}, False),
        ("tampered_amount", json.dumps(tampered, separators=(",", ":")).encode(), {"Stripe-Signature": sign_stripe(compact, secret)}, False),
        ("valid", compact, {"Stripe-Signature": sign_stripe(compact, secret)}, True),
    ]
    failures = 0
    print(f"{'case':18} {'status':6} result")
    for name, body, hdrs, should_accept in cases:
        code = post(a.target, body, hdrs)
        ok = (200 <= code < 300) == should_accept
        failures += not ok
        print(f"{name:18} {code:<6} {'PASS' if ok else 'FAIL'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
