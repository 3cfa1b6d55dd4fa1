#!/usr/bin/env python3
"""Confirm-before-order helper for Coinbase Advanced Trade (user's own account)."""
import argparse
import csv
import datetime as dt
import decimal
import hashlib
import json
import os
import sys
import uuid

import yaml
from coinbase.rest import RESTClient

D = decimal.Decimal
STATE = "./.proposals.json"
LOG = "./trades.csv"


def client():
    k, s = os.environ.get("COINBASE_API_KEY"), os.environ.get("COINBASE_API_SECRET")
    if not k or not s:
        sys.exit("COINBASE_API_KEY / COINBASE_API_SECRET not set")
    return RESTClient(api_key=k, api_secret=s)


def as_dict(obj):
    return obj.to_dict() if hasattr(obj, "to_dict") else obj


def check_perms(c):
    p = as_dict(c.get("/api/v3/brokerage/key_permissions"))
    print(f"can_view={p.get('can_view')} can_trade={p.get('can_trade')} can_transfer={p.get('can_transfer')} portfolio={p.get('portfolio_uuid')}")
    if p.get("can_transfer"):
        sys.exit("This key can transfer funds. Create a View+Trade key without Transfer and use that instead.")
    return p


def round_to(x, inc):
    inc = D(inc)
    return (D(x) / inc).to_integral_value(rounding=decimal.ROUND_DOWN) * inc


def token(o):
    s = json.dumps({k: o[k] for k in ("product", "side", "size", "price")}, sort_keys=True)
    return hashlib.sha256(s.encode()).hexdigest()[:8]


def used_today():
    if not os.path.exists(LOG):
        return D(0)
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    total = D(0)
    for r in csv.DictReader(open(LOG)):
        if r["time"].startswith(today) and r["action"] == "placed":
            total += D(r["size"]) * D(r["price"])
    return total


def propose(a):
    plan = yaml.safe_load(open(a.plan))
    caps = plan["caps"]
    c = client()
    check_perms(c)
    out = []
    weekday = dt.datetime.now(dt.timezone.utc).strftime("%A").lower()
    for r in plan["rules"]:
        prod = r["product"]
        if prod not in caps["allowed_products"]:
            print(f"skip {r['id']}: {prod} not in allowed_products")
            continue
        info = as_dict(c.get_product(prod))
        price = D(info["price"])
        qinc, binc = info["quote_increment"], info["base_increment"]
        if "every" in r and r["every"] == weekday:
            lp = round_to(price * (1 + D(str(r.get("limit_offset_pct", 0))) / 100), qinc)
            size = round_to(D(r["quote_usd"]) / lp, binc)
            out.append(dict(rule=r["id"], product=prod, side="BUY", price=str(lp), size=str(size), post_only=r.get("post_only", True)))
        if r.get("reference") == "7d_high":
            end = int(dt.datetime.now(dt.timezone.utc).timestamp())
            candles = as_dict(c.get_candles(prod, start=str(end - 7 * 86400), end=str(end), granularity="SIX_HOUR"))["candles"]
            high = max(D(x["high"]) for x in candles)
            for i, step in enumerate(r["steps"], 1):
                trigger = high * (1 - D(step["drop_pct"]) / 100)
                if price <= trigger:
                    lp = round_to(min(price, trigger), qinc)
                    size = round_to(D(step["quote_usd"]) / lp, binc)
                    out.append(dict(rule=f"{r['id']} step {i}", product=prod, side="BUY", price=str(lp), size=str(size), post_only=r.get("post_only", True)))
        if "sell_when_above_usd" in r and price >= D(str(r["sell_when_above_usd"])):
            lp = round_to(price, qinc)
            out.append(dict(rule=r["id"], product=prod, side="SELL", price=str(lp), size=str(round_to(r["base_size"], binc)), post_only=True))

    spent = used_today()
    for i, o in enumerate(out, 1):
        notional = D(o["size"]) * D(o["price"])
        pv = as_dict(c.preview_limit_order_gtc(product_id=o["product"], side=o["side"], base_size=o["size"],
                                               limit_price=o["price"], post_only=o["post_only"]))
        o["fee"] = pv.get("commission_total", "?")
        o["token"] = token(o)
        flag = ""
        if notional > D(str(caps["max_order_usd"])):
            flag = "  REFUSED: above max_order_usd"
        elif spent + notional > D(str(caps["max_daily_usd"])):
            flag = "  REFUSED: would exceed max_daily_usd"
        o["refused"] = bool(flag)
        print(f"#{i}  {o['side']:<4} {o['product']:<8} limit {o['price']:>12}  size {o['size']:<10} ≈ ${notional:.2f}  fee ≈ ${o['fee']}  (rule: {o['rule']})  token {o['token']}{flag}")
        if pv.get("errs"):
            print(f"     preview errors: {pv['errs']}")
    print(f"daily cap: ${spent:.2f} used of ${caps['max_daily_usd']}")
    json.dump(out, open(STATE, "w"), indent=2)


def log(action, o, order_id):
    new = not os.path.exists(LOG)
    with open(LOG, "a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["time", "action", "order_id", "product", "side", "size", "price", "rule", "token"])
        w.writerow([dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), action, order_id,
                    o.get("product", ""), o.get("side", ""), o.get("size", ""), o.get("price", ""), o.get("rule", ""), o.get("token", "")])


def place(a):
    plan = yaml.safe_load(open(a.plan))
    caps = plan["caps"]
    props = json.load(open(STATE))
    o = props[a.proposal - 1]
    if o.get("refused"):
        sys.exit("that proposal was refused by the caps")
    if a.confirm_token != token(o):
        sys.exit("confirm token does not match this proposal; run propose again and re-confirm")
    if o["product"] not in caps["allowed_products"]:
        sys.exit("product not allowed")
    notional = D(o["size"]) * D(o["price"])
    if notional > D(str(caps["max_order_usd"])) or used_today() + notional > D(str(caps["max_daily_usd"])):
        sys.exit("caps exceeded")
    c = client()
    check_perms(c)
    fn = c.limit_order_gtc_buy if o["side"] == "BUY" else c.limit_order_gtc_sell
    res = as_dict(fn(client_order_id=str(uuid.uuid4()), product_id=o["product"], base_size=o["size"],
                     limit_price=o["price"], post_only=o["post_only"]))
    if not res.get("success"):
        sys.exit(f"order rejected: {res.get('error_response')}")
    oid = res["success_response"]["order_id"]
    log("placed", o, oid)
    print(f"placed {o['side']} {o['size']} {o['product']} @ {o['price']}  order_id {oid}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("whoami")
    p = sub.add_parser("propose"); p.add_argument("--plan", default="plan.yaml")
    p = sub.add_parser("place"); p.add_argument("--plan", default="plan.yaml")
    p.add_argument("--proposal", type=int, required=True); p.add_argument("--confirm-token", required=True)
    sub.add_parser("open")
    p = sub.add_parser("cancel"); p.add_argument("order_id")
    sub.add_parser("log")
    a = ap.parse_args()

    if a.cmd == "whoami":
        check_perms(client())
    elif a.cmd == "propose":
        propose(a)
    elif a.cmd == "place":
        place(a)
    elif a.cmd == "open":
        for o in as_dict(client().list_orders(order_status=["OPEN"]))["orders"]:
            cfg = o["order_configuration"].get("limit_limit_gtc", {})
            print(f"{o['order_id']}  {o['side']:<4} {o['product_id']:<8} {cfg.get('base_size')} @ {cfg.get('limit_price')}  {o['created_time']}")
    elif a.cmd == "cancel":
        if input(f"cancel order {a.order_id}? [y/N] ").strip().lower() == "y":
            res = as_dict(client().cancel_orders(order_ids=[a.order_id]))
            print(res)
            log("cancelled", {}, a.order_id)
    elif a.cmd == "log":
        if os.path.exists(LOG):
            print(open(LOG).read())


if __name__ == "__main__":
    main()
