#!/usr/bin/env python3
"""Export Shopify products (with variants) as JSON lines, or apply a reviewed fixes CSV."""
import argparse
import csv
import json
import os
import sys

import requests

API = "2025-01"
QUERY = """
query($cursor: String) {
  products(first: 100, after: $cursor) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title vendor productType handle
      seo { title description }
      images(first: 5) { nodes { url width height } }
      variants(first: 100) { nodes { id title sku barcode price inventoryQuantity selectedOptions { name value } } }
    }
  }
}
"""

UPDATE = """
mutation($input: ProductInput!) { productUpdate(input: $input) { userErrors { field message } } }
"""


def gql(query, variables):
    store = os.environ["SHOPIFY_STORE"]
    r = requests.post(
        f"https://{store}/admin/api/{API}/graphql.json",
        headers={"X-Shopify-Access-Token": os.environ["SHOPIFY_ADMIN_TOKEN"], "Content-Type": "application/json"},
        json={"query": query, "variables": variables},
        timeout=60,
    )
    r.raise_for_status()
    data = r.json()
    if data.get("errors"):
        sys.exit(json.dumps(data["errors"], indent=2))
    return data["data"]


def export():
    cursor = None
    while True:
        page = gql(QUERY, {"cursor": cursor})["products"]
        for p in page["nodes"]:
            print(json.dumps(p))
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursor = page["pageInfo"]["endCursor"]


def apply(path):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if row["field"] not in ("title", "productType", "vendor"):
                print(f"skip {row['product_id']} {row['field']} (apply manually)")
                continue
            res = gql(UPDATE, {"input": {"id": row["product_id"], row["field"]: row["proposed"]}})
            errs = res["productUpdate"]["userErrors"]
            print(f"{row['product_id']} {row['field']}: {'ok' if not errs else errs}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--apply")
    a = ap.parse_args()
    apply(a.apply) if a.apply else export()
