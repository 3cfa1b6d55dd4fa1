#!/usr/bin/env python3
"""Shopify catalog export / diff / apply via the Admin GraphQL API.

    catalog.py export --out FILE.csv [--query "product_type:Jackets"]
    catalog.py diff   --base FILE.csv --edited FILE.csv
    catalog.py apply  --base FILE.csv --edited FILE.csv
"""
import argparse
import csv
import datetime as dt
import json
import os
import sys
import time
from collections import defaultdict

import requests

API_VERSION = "2025-01"
PRODUCT_FIELDS = ["title", "status", "vendor", "product_type", "tags", "seo_title", "seo_description"]
VARIANT_FIELDS = ["price", "compare_at_price"]
COLUMNS = ["product_id", "handle", "title", "status", "vendor", "product_type", "tags", "seo_title",
           "seo_description", "variant_id", "sku", "option_values", "price", "compare_at_price", "image_count"]

EXPORT_QUERY = """
query($cursor: String, $query: String) {
  products(first: 50, after: $cursor, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id handle title status vendor productType tags
      seo { title description }
      mediaCount { count }
      variants(first: 100) {
        nodes { id sku price compareAtPrice selectedOptions { name value } }
      }
    }
  }
}"""

PRODUCT_UPDATE = """
mutation($input: ProductInput!) {
  productUpdate(input: $input) { product { id } userErrors { field message } }
}"""

VARIANTS_UPDATE = """
mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants { id price } userErrors { field message }
  }
}"""


class Shopify:
    def __init__(self):
        store = os.environ.get("SHOPIFY_STORE")
        token = os.environ.get("SHOPIFY_ADMIN_TOKEN")
        if not store or not token:
            sys.exit("Set SHOPIFY_STORE (xxx.myshopify.com) and SHOPIFY_ADMIN_TOKEN.")
        self.url = f"https://{store}/admin/api/{API_VERSION}/graphql.json"
        self.headers = {"X-Shopify-Access-Token": token, "Content-Type": "application/json"}

    def gql(self, query, variables=None):
        for attempt in range(5):
            r = requests.post(self.url, headers=self.headers, timeout=60,
                              json={"query": query, "variables": variables or {}})
            if r.status_code == 429:
                time.sleep(2 ** attempt)
                continue
            r.raise_for_status()
            body = r.json()
            if any(e.get("extensions", {}).get("code") == "THROTTLED" for e in body.get("errors", [])):
                time.sleep(2 ** attempt)
                continue
            if body.get("errors"):
                raise RuntimeError(json.dumps(body["errors"])[:500])
            throttle = body.get("extensions", {}).get("cost", {}).get("throttleStatus", {})
            if throttle and throttle.get("currentlyAvailable", 1000) < 200:
                deficit = 200 - throttle["currentlyAvailable"]
                time.sleep(deficit / max(throttle.get("restoreRate", 50), 1))
            return body["data"]
        raise RuntimeError("still throttled after 5 attempts")


def export(args):
    shop = Shopify()
    rows, cursor = [], None
    while True:
        data = shop.gql(EXPORT_QUERY, {"cursor": cursor, "query": args.query})["products"]
        for p in data["nodes"]:
            base = {
                "product_id": p["id"], "handle": p["handle"], "title": p["title"],
                "status": p["status"], "vendor": p["vendor"], "product_type": p["productType"],
                "tags": ", ".join(sorted(p["tags"])), "seo_title": p["seo"]["title"] or "",
                "seo_description": p["seo"]["description"] or "",
                "image_count": p["mediaCount"]["count"],
            }
            for v in p["variants"]["nodes"]:
                rows.append({**base, "variant_id": v["id"], "sku": v["sku"] or "",
                             "option_values": " / ".join(o["value"] for o in v["selectedOptions"]),
                             "price": v["price"], "compare_at_price": v["compareAtPrice"] or ""})
        print(f"  {len(rows)} variants...", file=sys.stderr)
        if not data["pageInfo"]["hasNextPage"]:
            break
        cursor = data["pageInfo"]["endCursor"]
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"exported {len(rows)} variants to {args.out}")


def read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def norm_tags(s):
    return ", ".join(sorted({t.strip() for t in s.split(",") if t.strip()}))


def changes(base_path, edited_path):
    base = {r["variant_id"]: r for r in read(base_path)}
    edited = read(edited_path)
    product_changes = defaultdict(dict)
    variant_changes = defaultdict(dict)
    first_row = {}
    for row in edited:
        old = base.get(row["variant_id"])
        if old is None:
            sys.exit(f"variant {row['variant_id']} not in base export; adding variants isn't supported")
        pid = row["product_id"]
        if pid not in first_row:
            first_row[pid] = row
            for f in PRODUCT_FIELDS:
                new, prev = row[f].strip(), old[f].strip()
                if f == "tags":
                    new, prev = norm_tags(new), norm_tags(prev)
                if new != prev:
                    product_changes[pid][f] = (prev, new, row["handle"])
        for f in VARIANT_FIELDS:
            if row[f].strip() != old[f].strip():
                variant_changes[pid][(row["variant_id"], f)] = (old[f], row[f].strip(), row["sku"])
    return product_changes, variant_changes


def diff(args):
    pc, vc = changes(args.base, args.edited)
    n = 0
    for pid, fields in pc.items():
        for f, (old, new, handle) in fields.items():
            print(f"{handle}: {f}: {old!r} -> {new!r}")
            n += 1
    for pid, fields in vc.items():
        for (vid, f), (old, new, sku) in fields.items():
            print(f"  sku {sku or vid}: {f}: {old} -> {new}")
            n += 1
    print(f"\n{len(set(pc) | set(vc))} products, {sum(len(v) for v in vc.values())} variant fields, {n} field changes")


def apply(args):
    pc, vc = changes(args.base, args.edited)
    if not pc and not vc:
        print("no changes")
        return
    shop = Shopify()
    log_path = f"apply-log-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.jsonl"
    with open(log_path, "w", encoding="utf-8") as log:
        for pid, fields in pc.items():
            inp = {"id": pid}
            seo = {}
            for f, (_old, new, _h) in fields.items():
                if f == "tags":
                    inp["tags"] = [t.strip() for t in new.split(",") if t.strip()]
                elif f == "product_type":
                    inp["productType"] = new
                elif f == "seo_title":
                    seo["title"] = new
                elif f == "seo_description":
                    seo["description"] = new
                elif f == "status":
                    inp["status"] = new.upper()
                else:
                    inp[f] = new
            if seo:
                inp["seo"] = seo
            res = shop.gql(PRODUCT_UPDATE, {"input": inp})["productUpdate"]
            log.write(json.dumps({"mutation": "productUpdate", "input": inp, "result": res}) + "\n")
            if res["userErrors"]:
                sys.exit(f"{pid}: {res['userErrors']}")
            print(f"updated product {pid} ({', '.join(fields)})")
        for pid, fields in vc.items():
            per_variant = defaultdict(dict)
            for (vid, f), (_old, new, _sku) in fields.items():
                key = "compareAtPrice" if f == "compare_at_price" else "price"
                per_variant[vid][key] = new or None
            variants = [{"id": vid, **vals} for vid, vals in per_variant.items()]
            res = shop.gql(VARIANTS_UPDATE, {"productId": pid, "variants": variants})["productVariantsBulkUpdate"]
            log.write(json.dumps({"mutation": "productVariantsBulkUpdate", "productId": pid,
                                  "variants": variants, "result": res}) + "\n")
            if res["userErrors"]:
                sys.exit(f"{pid}: {res['userErrors']}")
            print(f"updated {len(variants)} variant(s) of {pid}")
    print(f"log: {log_path}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--out", required=True)
    e.add_argument("--query")
    for name in ("diff", "apply"):
        s = sub.add_parser(name)
        s.add_argument("--base", required=True)
        s.add_argument("--edited", required=True)
    args = ap.parse_args()
    {"export": export, "diff": diff, "apply": apply}[args.cmd](args)


if __name__ == "__main__":
    main()
