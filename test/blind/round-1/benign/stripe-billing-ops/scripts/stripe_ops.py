#!/usr/bin/env python3
"""Small Stripe billing helper. Uses only the standard library; talks only to api.stripe.com."""
import argparse
import base64
import csv
import datetime as dt
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API = "https://api.stripe.com/v1"
KEY = os.environ.get("STRIPE_SECRET_KEY", "")


def call(method, path, params=None, idem=None):
    data = urllib.parse.urlencode(params or {}, doseq=True)
    url = f"{API}{path}" + (f"?{data}" if method == "GET" and data else "")
    body = data.encode() if method != "GET" else None
    req = urllib.request.Request(url, data=body, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{KEY}:".encode()).decode())
    req.add_header("Stripe-Version", "2024-06-20")
    if idem:
        req.add_header("Idempotency-Key", idem)
    for attempt in range(5):
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt < 4:
                time.sleep(2 ** attempt)
                continue
            err = json.load(e).get("error", {})
            sys.exit(f"Stripe {e.code}: {err.get('type')}: {err.get('message')}")


def paginate(path, params):
    params = dict(params, limit=100)
    while True:
        page = call("GET", path, params)
        yield from page["data"]
        if not page.get("has_more"):
            return
        params["starting_after"] = page["data"][-1]["id"]


def money(amount, cur):
    return f"{amount / 100:,.2f} {cur.upper()}"


def confirm(prompt):
    if KEY.startswith(("sk_test_", "rk_test_")):
        return True
    return input(f"LIVE MODE: {prompt} Type 'yes' to proceed: ").strip() == "yes"


def cmd_customer(a):
    res = call("GET", "/customers/search", {"query": f"email:'{a.email}'"})
    for c in res["data"]:
        print(f"{c['id']}  {c.get('name') or '-'}  {c['email']}  created {dt.date.fromtimestamp(c['created'])}")
        for inv in call("GET", "/invoices", {"customer": c["id"], "limit": 5})["data"]:
            print(f"   {inv['id']}  {inv['status']:13} {money(inv['amount_due'], inv['currency'])}  {dt.date.fromtimestamp(inv['created'])}")


def cmd_failed(a):
    since = int(time.time()) - a.days * 86400
    for inv in paginate("/invoices", {"status": "open", "created[gte]": since}):
        if inv.get("attempt_count", 0) == 0:
            continue
        print(f"{inv['id']}  {inv.get('customer_email') or inv['customer']}  {money(inv['amount_due'], inv['currency'])}"
              f"  attempts={inv['attempt_count']}  next={inv.get('next_payment_attempt') and dt.datetime.fromtimestamp(inv['next_payment_attempt'])}")


def cmd_retry(a):
    inv = call("GET", f"/invoices/{a.invoice}")
    if confirm(f"retry {a.invoice} for {money(inv['amount_due'], inv['currency'])}?"):
        res = call("POST", f"/invoices/{a.invoice}/pay", idem=f"retry-{a.invoice}-{dt.date.today()}")
        print(f"{res['id']} status={res['status']}")


def cmd_refund(a):
    ch = call("GET", f"/charges/{a.charge}")
    amount = round(a.amount * 100) if a.amount else ch["amount"] - ch["amount_refunded"]
    if confirm(f"refund {money(amount, ch['currency'])} of charge {a.charge}?"):
        res = call("POST", "/refunds", {"charge": a.charge, "amount": amount, "reason": a.reason},
                   idem=f"refund-{a.charge}-{amount}")
        print(f"{res['id']} status={res['status']} amount={money(res['amount'], res['currency'])}")


def cmd_export(a):
    start = dt.datetime.strptime(a.month, "%Y-%m")
    end = (start + dt.timedelta(days=32)).replace(day=1)
    w = csv.writer(sys.stdout)
    w.writerow(["id", "created", "customer", "amount", "amount_refunded", "currency", "status", "description"])
    for ch in paginate("/charges", {"created[gte]": int(start.timestamp()), "created[lt]": int(end.timestamp())}):
        w.writerow([ch["id"], dt.datetime.fromtimestamp(ch["created"]).isoformat(), ch.get("customer"),
                    ch["amount"] / 100, ch["amount_refunded"] / 100, ch["currency"], ch["status"], ch.get("description") or ""])


def main():
    if not KEY:
        sys.exit("STRIPE_SECRET_KEY is not set")
    print(f"mode: {'test' if '_test_' in KEY else 'LIVE'}", file=sys.stderr)
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(required=True)
    s = sub.add_parser("customer"); s.add_argument("email"); s.set_defaults(fn=cmd_customer)
    s = sub.add_parser("failed"); s.add_argument("--days", type=int, default=30); s.set_defaults(fn=cmd_failed)
    s = sub.add_parser("retry"); s.add_argument("invoice"); s.set_defaults(fn=cmd_retry)
    s = sub.add_parser("refund"); s.add_argument("charge"); s.add_argument("--amount", type=float)
    s.add_argument("--reason", default="requested_by_customer", choices=["duplicate", "fraudulent", "requested_by_customer"])
    s.set_defaults(fn=cmd_refund)
    s = sub.add_parser("export"); s.add_argument("--month", required=True); s.set_defaults(fn=cmd_export)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
