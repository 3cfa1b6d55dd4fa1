#!/usr/bin/env python3
"""Shopify inventory sync from CSV/XLSX: locations | inspect | preview | apply."""
import argparse
import csv
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

import requests

API_VERSION = "2025-01"


def endpoint():
    store = os.environ.get("SHOPIFY_STORE", "").strip().removeprefix("https://").rstrip("/")
    token = os.environ.get("SHOPIFY_ADMIN_TOKEN", "")
    if not store or not token:
        sys.exit("set SHOPIFY_STORE and SHOPIFY_ADMIN_TOKEN")
    return f"https://{store}/admin/api/{API_VERSION}/graphql.json", token


def gql(query, variables=None):
    url, token = endpoint()
    for attempt in range(6):
        r = requests.post(url, json={"query": query, "variables": variables or {}},
                          headers={"X-Shopify-Access-Token": token}, timeout=60)
        if r.status_code == 429:
            time.sleep(2 ** attempt)
            continue
        r.raise_for_status()
        data = r.json()
        errs = data.get("errors") or []
        if any(e.get("extensions", {}).get("code") == "THROTTLED" for e in errs):
            ts = data.get("extensions", {}).get("cost", {}).get("throttleStatus", {})
            need = data.get("extensions", {}).get("cost", {}).get("requestedQueryCost", 100)
            rate = ts.get("restoreRate", 50) or 50
            time.sleep(max(1.0, (need - ts.get("currentlyAvailable", 0)) / rate))
            continue
        if errs:
            raise RuntimeError(json.dumps(errs))
        return data["data"]
    raise RuntimeError("gave up after repeated throttling")


def locations():
    q = "{ locations(first: 100, includeInactive: false) { nodes { id name isActive } } }"
    return gql(q)["locations"]["nodes"]


def location_id(name):
    for loc in locations():
        if loc["name"].lower() == name.lower():
            return loc["id"]
    sys.exit(f"no active location named {name!r}")


def read_table(path, header_row=1):
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        ws = load_workbook(p, read_only=True, data_only=True).active
        rows = list(ws.iter_rows(values_only=True))[header_row - 1:]
        header = [str(h).strip() if h is not None else "" for h in rows[0]]
        return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]
    with open(p, newline="", encoding="utf-8-sig") as fh:
        lines = fh.readlines()[header_row - 1:]
    return list(csv.DictReader(lines))


def norm(key, strip_zeros):
    k = str(key or "").strip().upper()
    return k.lstrip("0") if strip_zeros else k


def all_variants(loc_id):
    q = """query($cursor: String, $loc: ID!) {
      productVariants(first: 250, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id sku barcode displayName
          inventoryItem { id tracked inventoryLevel(locationId: $loc) { quantities(names: ["available"]) { quantity } } } }
      }
    }"""
    cursor, out = None, []
    while True:
        data = gql(q, {"cursor": cursor, "loc": loc_id})["productVariants"]
        out += data["nodes"]
        if not data["pageInfo"]["hasNextPage"]:
            return out
        cursor = data["pageInfo"]["endCursor"]


def cmd_locations(a):
    for loc in locations():
        print(f"{loc['name']}\t{loc['id']}")


def cmd_inspect(a):
    rows = read_table(a.file, a.header_row)
    print(f"{len(rows)} rows; columns: {list(rows[0].keys()) if rows else []}")
    for r in rows[:5]:
        print(r)


def cmd_preview(a):
    loc = location_id(a.location)
    rows = read_table(a.file, a.header_row)
    index = {}
    for v in all_variants(loc):
        k = norm(v["sku"] if a.match == "sku" else v["barcode"], a.strip_zeros)
        if a.match == "barcode" and len(k) == 12:
            index.setdefault("0" + k, []).append(v)
        if k:
            index.setdefault(k, []).append(v)
    out = []
    for r in rows:
        key = norm(r.get(a.key_column), a.strip_zeros)
        try:
            qty = max(0, int(float(r.get(a.qty_column) or 0)))
        except ValueError:
            out.append({"key": key, "status": "BAD_QTY"}); continue
        matches = index.get(key, [])
        if not matches:
            out.append({"key": key, "status": "UNMATCHED", "new": qty}); continue
        if len(matches) > 1:
            out.append({"key": key, "status": "DUPLICATE", "new": qty}); continue
        v = matches[0]
        item = v["inventoryItem"]
        if not item["tracked"]:
            out.append({"key": key, "variant": v["displayName"], "status": "NOT_TRACKED"}); continue
        level = item["inventoryLevel"]
        if level is None:
            out.append({"key": key, "variant": v["displayName"], "item": item["id"], "status": "NOT_STOCKED", "new": qty}); continue
        cur = level["quantities"][0]["quantity"]
        new = cur + qty if a.mode == "adjust" else qty
        status = "OK" if abs(new - cur) <= a.max_delta or a.force else "DELTA_TOO_LARGE"
        out.append({"key": key, "variant": v["displayName"], "item": item["id"],
                    "current": cur, "new": new, "delta": new - cur, "status": status})
    fields = ["key", "variant", "item", "current", "new", "delta", "status"]
    with open(a.output, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(out)
    counts = {}
    for r in out:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    print(json.dumps(counts))
    changes = sorted((r for r in out if r["status"] == "OK" and r["delta"]), key=lambda r: -abs(r["delta"]))
    for r in changes[:15]:
        print(f"{r['delta']:+6}  {r['current']:>5} -> {r['new']:<5} {r['variant']}")


def cmd_apply(a):
    loc = location_id(a.location)
    with open(a.preview, newline="") as fh:
        pending = [r for r in csv.DictReader(fh) if r["status"] == "OK" and r["delta"] not in ("", "0")]
    m = """mutation($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) { userErrors { field message code } }
    }"""
    log = Path(f"stock-sync-{datetime.now():%Y%m%d-%H%M}.log")
    failed = 0
    with log.open("w") as lf:
        for i in range(0, len(pending), 250):
            batch = pending[i:i + 250]
            inp = {"name": "available", "reason": "correction", "ignoreCompareQuantity": True,
                   "referenceDocumentUri": f"stock-sync://{Path(a.preview).name}",
                   "quantities": [{"inventoryItemId": r["item"], "locationId": loc, "quantity": int(r["new"])} for r in batch]}
            errs = gql(m, {"input": inp})["inventorySetQuantities"]["userErrors"]
            failed += len(errs)
            for r in batch:
                lf.write(json.dumps({"key": r["key"], "from": r["current"], "to": r["new"]}) + "\n")
            for e in errs:
                lf.write(json.dumps({"error": e}) + "\n")
    print(f"applied {len(pending) - failed} changes, {failed} errors; log: {log}")


def main():
    ap = argparse.ArgumentParser(prog="stock_sync")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("locations")
    i = sub.add_parser("inspect"); i.add_argument("file"); i.add_argument("--header-row", type=int, default=1)
    p = sub.add_parser("preview"); p.add_argument("file")
    p.add_argument("--key-column", required=True); p.add_argument("--qty-column", required=True)
    p.add_argument("--match", choices=["sku", "barcode"], default="sku")
    p.add_argument("--location", required=True); p.add_argument("--mode", choices=["set", "adjust"], default="set")
    p.add_argument("--max-delta", type=int, default=200); p.add_argument("--force", action="store_true")
    p.add_argument("--strip-zeros", action="store_true"); p.add_argument("--header-row", type=int, default=1)
    p.add_argument("--bulk", action="store_true"); p.add_argument("--activate", action="store_true")
    p.add_argument("-o", "--output", default="preview.csv")
    ap_ = sub.add_parser("apply"); ap_.add_argument("preview"); ap_.add_argument("--location", required=True)
    a = ap.parse_args()
    {"locations": cmd_locations, "inspect": cmd_inspect, "preview": cmd_preview, "apply": cmd_apply}[a.cmd](a)


if __name__ == "__main__":
    main()
