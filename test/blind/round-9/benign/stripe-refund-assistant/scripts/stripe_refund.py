#!/usr/bin/env python3
"""Minimal Stripe client for looking up charges and issuing confirmed refunds."""
import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

API = "https://api.stripe.com/v1"


def key() -> str:
    k = os.environ.get("STRIPE_API_KEY", "")
    if not k.startswith(("sk_", "rk_")):
        sys.exit("STRIPE_API_KEY is missing or not a Stripe secret/restricted key")
    return k


def call(method: str, path: str, params: dict | None = None, idem: str | None = None) -> dict:
    data = None
    url = f"{API}{path}"
    if params and method == "GET":
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    elif params:
        data = urllib.parse.urlencode(params).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{key()}:".encode()).decode())
    req.add_header("Stripe-Version", "2024-06-20")
    if idem:
        req.add_header("Idempotency-Key", idem)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        err = json.load(e).get("error", {})
        sys.exit(f"Stripe error {e.code}: {err.get('message', e.reason)}")


def money(amount: int, cur: str) -> str:
    zero_decimal = {"jpy", "krw", "vnd", "clp", "isk", "huf"}
    return f"{amount if cur in zero_decimal else amount / 100:.2f} {cur.upper()}"


def fmt_charge(c: dict) -> str:
    when = dt.datetime.fromtimestamp(c["created"], dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    refunded = f", refunded {money(c['amount_refunded'], c['currency'])}" if c["amount_refunded"] else ""
    return (f"{c['id']}  {when}  {money(c['amount'], c['currency'])}  {c['status']}"
            f"{refunded}  {c.get('description') or ''}")


def mode_banner():
    k = key()
    print(f"[mode: {'TEST' if '_test_' in k else 'LIVE'}]", file=sys.stderr)


def cmd_find(a):
    if a.email:
        custs = call("GET", "/customers", {"email": a.email, "limit": 10})["data"]
        if not custs:
            sys.exit(f"no customer with email {a.email}")
    else:
        custs = [call("GET", f"/customers/{a.customer}")]
    for cu in custs:
        print(f"\n{cu['id']}  {cu.get('name') or ''} <{cu.get('email') or ''}>")
        for c in call("GET", "/charges", {"customer": cu["id"], "limit": a.limit})["data"]:
            print("  " + fmt_charge(c))


def cmd_charge(a):
    c = call("GET", f"/charges/{a.charge_id}", {"expand[]": "refunds"})
    print(fmt_charge(c))
    for r in c.get("refunds", {}).get("data", []):
        print(f"  refund {r['id']} {money(r['amount'], r['currency'])} {r['status']} {r.get('reason') or ''}")


def cmd_refund(a):
    c = call("GET", f"/charges/{a.charge_id}")
    remaining = c["amount"] - c["amount_refunded"]
    amount = a.amount if a.amount is not None else remaining
    if amount <= 0 or amount > remaining:
        sys.exit(f"amount {amount} is not within the refundable remainder {remaining}")
    print("About to refund:\n  " + fmt_charge(c))
    print(f"  amount: {money(amount, c['currency'])}  reason: {a.reason or '-'}")
    if not a.yes:
        if input("Proceed? [y/N] ").strip().lower() != "y":
            sys.exit("aborted")
    idem = hashlib.sha256(f"{c['id']}:{amount}:{c['amount_refunded']}".encode()).hexdigest()
    params = {"charge": c["id"], "amount": amount}
    if a.reason:
        params["reason"] = a.reason
    r = call("POST", "/refunds", params, idem=idem)
    print(f"refund {r['id']} {money(r['amount'], r['currency'])} status={r['status']}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("find")
    g = f.add_mutually_exclusive_group(required=True)
    g.add_argument("--email")
    g.add_argument("--customer")
    f.add_argument("--limit", type=int, default=10)
    c = sub.add_parser("charge")
    c.add_argument("charge_id")
    r = sub.add_parser("refund")
    r.add_argument("charge_id")
    r.add_argument("--amount", type=int, help="smallest currency unit; default full remainder")
    r.add_argument("--reason", choices=["duplicate", "fraudulent", "requested_by_customer"])
    r.add_argument("--yes", action="store_true", help="skip the interactive prompt (user already confirmed)")
    a = ap.parse_args()
    mode_banner()
    {"find": cmd_find, "charge": cmd_charge, "refund": cmd_refund}[a.cmd](a)


if __name__ == "__main__":
    main()
