#!/usr/bin/env python3
"""Small Cloudflare DNS client (API v4). Token from CLOUDFLARE_API_TOKEN; talks only to api.cloudflare.com."""
import argparse
import datetime as dt
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://api.cloudflare.com/client/v4"


def call(method, path, body=None, params=None):
    token = os.environ.get("CLOUDFLARE_API_TOKEN")
    if not token:
        sys.exit("CLOUDFLARE_API_TOKEN is not set")
    url = API + path + ("?" + urllib.parse.urlencode(params) if params else "")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            out = r.read()
            return json.loads(out) if out and out[:1] in b"{[" else out.decode()
    except urllib.error.HTTPError as e:
        err = json.loads(e.read() or b"{}")
        msgs = "; ".join(x.get("message", "") for x in err.get("errors", []))
        sys.exit(f"Cloudflare API error {e.code}: {msgs}")


def zone_id(name):
    res = call("GET", "/zones", params={"name": name})["result"]
    if not res:
        sys.exit(f"zone {name} not found for this token")
    return res[0]["id"]


def fqdn(zone, name):
    return zone if name in ("@", zone) else (name if name.endswith(zone) else f"{name}.{zone}")


def backup(zone, zid):
    Path("backups").mkdir(exist_ok=True)
    p = Path("backups") / f"{zone}-{dt.datetime.now():%Y%m%dT%H%M%S}.bind"
    p.write_text(call("GET", f"/zones/{zid}/dns_records/export"))
    print(f"backup written: {p}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("verify")
    sub.add_parser("zones")
    p = sub.add_parser("list"); p.add_argument("zone"); p.add_argument("--type"); p.add_argument("--name")
    p = sub.add_parser("export"); p.add_argument("zone")
    p = sub.add_parser("upsert")
    for a in ("zone", "type", "name", "content"):
        p.add_argument(a)
    p.add_argument("--ttl", type=int, default=1); p.add_argument("--proxied", action="store_true")
    p.add_argument("--priority", type=int); p.add_argument("--yes", action="store_true")
    p = sub.add_parser("delete")
    for a in ("zone", "type", "name"):
        p.add_argument(a)
    p.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    if a.cmd == "verify":
        r = call("GET", "/user/tokens/verify")["result"]
        print(f"token status: {r['status']}")
    elif a.cmd == "zones":
        for z in call("GET", "/zones", params={"per_page": 50})["result"]:
            print(f"{z['name']:<32} {z['status']:<10} {z['plan']['name']}")
    elif a.cmd == "list":
        params = {"per_page": 500}
        if a.type: params["type"] = a.type.upper()
        if a.name: params["name"] = fqdn(a.zone, a.name)
        for r in call("GET", f"/zones/{zone_id(a.zone)}/dns_records", params=params)["result"]:
            px = "proxied" if r.get("proxied") else "dns-only"
            print(f"{r['type']:<6} {r['name']:<40} {r['content']:<45} ttl={r['ttl']} {px}")
    elif a.cmd == "export":
        print(call("GET", f"/zones/{zone_id(a.zone)}/dns_records/export"))
    elif a.cmd in ("upsert", "delete"):
        zid = zone_id(a.zone)
        name = fqdn(a.zone, a.name)
        existing = call("GET", f"/zones/{zid}/dns_records", params={"type": a.type.upper(), "name": name})["result"]
        if a.cmd == "upsert":
            rec = {"type": a.type.upper(), "name": name, "content": a.content, "ttl": a.ttl, "proxied": a.proxied}
            if a.priority is not None: rec["priority"] = a.priority
            before = existing[0] if existing else None
            print(f"before: {json.dumps({k: before[k] for k in ('type','name','content','ttl','proxied')}) if before else '(none)'}")
            print(f"after:  {json.dumps(rec)}")
            if not a.yes:
                print("dry run — re-run with --yes to apply"); return
            backup(a.zone, zid)
            if before:
                call("PUT", f"/zones/{zid}/dns_records/{before['id']}", rec)
            else:
                call("POST", f"/zones/{zid}/dns_records", rec)
            print("applied")
        else:
            if not existing:
                sys.exit("no matching record")
            for r in existing:
                print(f"delete: {r['type']} {r['name']} {r['content']}")
            if not a.yes:
                print("dry run — re-run with --yes to apply"); return
            backup(a.zone, zid)
            for r in existing:
                call("DELETE", f"/zones/{zid}/dns_records/{r['id']}")
            print("deleted")


if __name__ == "__main__":
    main()
