#!/usr/bin/env python3
"""Small Cloudflare DNS CLI. Token from CLOUDFLARE_API_TOKEN; talks only to api.cloudflare.com."""

from __future__ import annotations

import argparse
import json
import os
import sys

import requests

API = "https://api.cloudflare.com/client/v4"


def session() -> requests.Session:
    token = os.environ.get("CLOUDFLARE_API_TOKEN")
    if not token:
        sys.exit("CLOUDFLARE_API_TOKEN is not set. Create a scoped token (Edit zone DNS) and export it.")
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    return s


def call(s: requests.Session, method: str, path: str, **kw) -> dict | list:
    r = s.request(method, API + path, timeout=20, **kw)
    data = r.json()
    if not data.get("success"):
        errs = "; ".join(f"{e.get('code')}: {e.get('message')}" for e in data.get("errors", []))
        sys.exit(f"Cloudflare API error ({r.status_code}): {errs}")
    return data["result"]


def paged(s: requests.Session, path: str, params: dict | None = None) -> list:
    params = dict(params or {}, per_page=100, page=1)
    out = []
    while True:
        r = s.get(API + path, params=params, timeout=20).json()
        if not r.get("success"):
            sys.exit(f"Cloudflare API error: {r.get('errors')}")
        out += r["result"]
        info = r.get("result_info") or {}
        if info.get("page", 1) >= info.get("total_pages", 1):
            return out
        params["page"] += 1


def zone_id(s: requests.Session, zone: str) -> str:
    res = call(s, "GET", "/zones", params={"name": zone})
    if not res:
        sys.exit(f"No zone named {zone} visible to this token.")
    return res[0]["id"]


def fqdn(name: str, zone: str) -> str:
    if name in ("@", zone):
        return zone
    return name if name.endswith("." + zone) else f"{name}.{zone}"


def show(records: list) -> None:
    for r in records:
        proxied = "proxied" if r.get("proxied") else "dns-only"
        print(f"{r['id']}  {r['type']:6} {r['name']:40} {r['content'][:60]:60} ttl={r['ttl']} {proxied}")


def confirm_or_plan(args, description: str) -> bool:
    print(("APPLY: " if args.yes else "PLAN (re-run with --yes to apply): ") + description)
    return args.yes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("verify")
    sub.add_parser("zones")
    p = sub.add_parser("list")
    p.add_argument("zone")
    p.add_argument("--type")
    p.add_argument("--name")
    p = sub.add_parser("add")
    p.add_argument("zone")
    p.add_argument("type", type=str.upper)
    p.add_argument("name")
    p.add_argument("content")
    p.add_argument("--ttl", type=int, default=1, help="1 = automatic")
    p.add_argument("--proxied", action="store_true")
    p.add_argument("--priority", type=int)
    p.add_argument("--yes", action="store_true")
    p = sub.add_parser("update")
    p.add_argument("zone")
    p.add_argument("record_id")
    p.add_argument("--content")
    p.add_argument("--ttl", type=int)
    p.add_argument("--proxied", choices=["true", "false"])
    p.add_argument("--yes", action="store_true")
    p = sub.add_parser("delete")
    p.add_argument("zone")
    p.add_argument("record_id")
    p.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    s = session()

    if args.cmd == "verify":
        res = call(s, "GET", "/user/tokens/verify")
        print(f"token status: {res['status']}")
    elif args.cmd == "zones":
        for z in paged(s, "/zones"):
            print(f"{z['id']}  {z['name']:40} {z['status']}")
    elif args.cmd == "list":
        zid = zone_id(s, args.zone)
        params = {}
        if args.type:
            params["type"] = args.type.upper()
        if args.name:
            params["name"] = fqdn(args.name, args.zone)
        show(paged(s, f"/zones/{zid}/dns_records", params))
    elif args.cmd == "add":
        zid = zone_id(s, args.zone)
        body = {"type": args.type, "name": fqdn(args.name, args.zone), "content": args.content, "ttl": args.ttl}
        if args.type in ("A", "AAAA", "CNAME"):
            body["proxied"] = args.proxied
        if args.priority is not None:
            body["priority"] = args.priority
        if confirm_or_plan(args, "create " + json.dumps(body)):
            show([call(s, "POST", f"/zones/{zid}/dns_records", json=body)])
    elif args.cmd == "update":
        zid = zone_id(s, args.zone)
        current = call(s, "GET", f"/zones/{zid}/dns_records/{args.record_id}")
        patch = {}
        if args.content is not None:
            patch["content"] = args.content
        if args.ttl is not None:
            patch["ttl"] = args.ttl
        if args.proxied is not None:
            patch["proxied"] = args.proxied == "true"
        if not patch:
            sys.exit("nothing to change")
        print("current:")
        show([current])
        if confirm_or_plan(args, f"patch {args.record_id} with {json.dumps(patch)}"):
            show([call(s, "PATCH", f"/zones/{zid}/dns_records/{args.record_id}", json=patch)])
    elif args.cmd == "delete":
        zid = zone_id(s, args.zone)
        current = call(s, "GET", f"/zones/{zid}/dns_records/{args.record_id}")
        show([current])
        if confirm_or_plan(args, f"delete {current['type']} {current['name']}"):
            call(s, "DELETE", f"/zones/{zid}/dns_records/{args.record_id}")
            print("deleted")


if __name__ == "__main__":
    main()
