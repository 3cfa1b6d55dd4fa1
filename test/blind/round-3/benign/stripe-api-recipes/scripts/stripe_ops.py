#!/usr/bin/env python3
"""Small Stripe helper: list payments, refund, export. Key from STRIPE_SECRET_KEY; test mode unless --live."""
import argparse
import csv
import datetime as dt
import os
import sys

import stripe

API_VERSION = "2024-06-20"


def setup(live: bool) -> None:
    key = os.environ.get("STRIPE_SECRET_KEY")
    if not key:
        sys.exit("STRIPE_SECRET_KEY is not set")
    is_live = "_live_" in key
    if is_live and not live:
        sys.exit("this is a LIVE key; pass --live if you really mean to use live data")
    if live and not is_live:
        sys.exit("--live given but the key is a test key")
    stripe.api_key = key
    stripe.api_version = API_VERSION


def confirm_live(action: str) -> None:
    print(f"LIVE MODE: {action}", file=sys.stderr)
    typed = input("type 'yes, live' to continue: ")
    if typed.strip() != "yes, live":
        sys.exit("aborted")


def money(amount: int, currency: str) -> str:
    return f"{amount / 100:,.2f} {currency.upper()}"


def cmd_payments(a):
    params = {"limit": 100}
    if a.customer:
        params["customer"] = a.customer
    for pi in stripe.PaymentIntent.list(**params).auto_paging_iter():
        created = dt.datetime.fromtimestamp(pi.created).strftime("%Y-%m-%d")
        print(f"{created}  {pi.id}  {money(pi.amount, pi.currency):>14}  {pi.status}")
        a.max -= 1
        if a.max <= 0:
            break


def cmd_refund(a):
    pi = stripe.PaymentIntent.retrieve(a.payment_intent)
    amount = a.amount or pi.amount_received
    desc = f"refund {money(amount, pi.currency)} of {a.payment_intent} ({money(pi.amount_received, pi.currency)} received)"
    if a.live:
        confirm_live(desc)
    r = stripe.Refund.create(
        payment_intent=a.payment_intent,
        amount=amount,
        reason=a.reason,
        idempotency_key=f"refund-{a.payment_intent}-{amount}",
    )
    print(f"{r.id} {r.status}: {desc}")


def cmd_export(a):
    since = int(dt.datetime.fromisoformat(a.since).timestamp())
    w = csv.writer(sys.stdout)
    w.writerow(["id", "created", "amount", "currency", "status", "customer", "description"])
    for pi in stripe.PaymentIntent.list(limit=100, created={"gte": since}).auto_paging_iter():
        w.writerow([pi.id, dt.datetime.fromtimestamp(pi.created).isoformat(), pi.amount / 100, pi.currency,
                    pi.status, pi.customer or "", pi.description or ""])


def main():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--live", action="store_true", help="use a live key (writes ask for confirmation)")
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("payments", parents=[common])
    p.add_argument("--customer")
    p.add_argument("--max", type=int, default=25)
    r = sub.add_parser("refund", parents=[common])
    r.add_argument("payment_intent")
    r.add_argument("--amount", type=int, help="minor units (cents); default full amount")
    r.add_argument("--reason", default="requested_by_customer",
                   choices=["requested_by_customer", "duplicate", "fraudulent"])
    e = sub.add_parser("export-payments", parents=[common])
    e.add_argument("--since", required=True, help="YYYY-MM-DD")
    a = ap.parse_args()
    setup(a.live)
    {"payments": cmd_payments, "refund": cmd_refund, "export-payments": cmd_export}[a.cmd](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
