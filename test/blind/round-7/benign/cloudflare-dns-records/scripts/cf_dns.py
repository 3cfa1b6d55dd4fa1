#!/usr/bin/env python3
"""Small Cloudflare DNS client (stdlib only). Mutations are dry-run unless --apply."""
import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

API = "https://api.cloudflare.com/client/v4"


def call(method: str, path: str, body=None, params=None):
    token = os.environ.get("CLOUDFLARE_API_TOKEN")
    if not token:
        sys.exit("CLOUDFLARE_API_TOKEN is not set")
    url = API + path + ("?" + urllib.parse.urlencode(params) if params else "")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
    })
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            payload = json.load(resp)
    except urllib.error.HTTPError as e:
        payload = json.load(e)
    if not payload.get("success"):
        sys.exit(f"Cloudflare API error: {payload.get('errors')}")
    return payload


def zone_id(name: str) -> str:
    res = call("GET", "/zones", params={"name": name})["result"]
    if not res:
        sys.exit(f"zone {name} not found for this token")
    return res[0]["id"]


def records(zid: str):
    page, out = 1, []
    while True:
        p = call("GET", f"/zones/{zid}/dns_records", params={"page": page, "per_page": 100})
        out += p["result"]
        if page >= p["result_info"]["total_pages"]:
            return out
        page += 1


def fqdn(zone: str, name: str) -> str:
    return zone if name in ("@", zone) else (name if name.endswith(zone) else f"{name}.{zone}")


def cmd_list(a):
    for r in sorted(records(zone_id(a.zone)), key=lambda r: (r["name"], r["type"])):
        proxied = "proxied" if r.get("proxied") else ""
        print(f"{r['type']:6} {r['name']:40} {r['content']:45} ttl={r['ttl']:<5} {proxied}")


def cmd_export(a):
    zid = zone_id(a.zone)
    req = urllib.request.Request(f"{API}/zones/{zid}/dns_records/export",
                                 headers={"Authorization": f"Bearer {os.environ['CLOUDFLARE_API_TOKEN']}"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        sys.stdout.write(resp.read().decode())


def cmd_upsert(a):
    zid = zone_id(a.zone)
    name = fqdn(a.zone, a.name)
    existing = [r for r in records(zid) if r["name"] == name and r["type"] == a.type]
    body = {"type": a.type, "name": name, "content": a.content,
            "ttl": 1 if a.proxied else a.ttl, "proxied": a.proxied}
    if a.priority is not None:
        body["priority"] = a.priority
    if existing:
        old = existing[0]
        print(f"UPDATE {a.type} {name}: {old['content']} (proxied={old.get('proxied')}) -> {a.content} (proxied={a.proxied})")
    else:
        print(f"CREATE {a.type} {name} -> {a.content} (proxied={a.proxied}, ttl={body['ttl']})")
    if not a.apply:
        print("dry run; rerun with --apply to make the change")
        return
    if existing:
        call("PUT", f"/zones/{zid}/dns_records/{existing[0]['id']}", body)
    else:
        call("POST", f"/zones/{zid}/dns_records", body)
    print("done")


def cmd_delete(a):
    zid = zone_id(a.zone)
    name = fqdn(a.zone, a.name)
    matches = [r for r in records(zid) if r["name"] == name and r["type"] == a.type]
    if not matches:
        sys.exit(f"no {a.type} record named {name}")
    for r in matches:
        print(f"DELETE {r['type']} {r['name']} {r['content']}")
    if not a.apply:
        print("dry run; rerun with --apply to delete")
        return
    for r in matches:
        call("DELETE", f"/zones/{zid}/dns_records/{r['id']}")
    print("done")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for n in ("list", "export"):
        s = sub.add_parser(n)
        s.add_argument("zone")
    s = sub.add_parser("upsert")
    s.add_argument("zone"); s.add_argument("type"); s.add_argument("name"); s.add_argument("content")
    s.add_argument("--ttl", type=int, default=1)
    s.add_argument("--proxied", action="store_true")
    s.add_argument("--priority", type=int)
    s.add_argument("--apply", action="store_true")
    s = sub.add_parser("delete")
    s.add_argument("zone"); s.add_argument("type"); s.add_argument("name")
    s.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    {"list": cmd_list, "export": cmd_export, "upsert": cmd_upsert, "delete": cmd_delete}[a.cmd](a)


if __name__ == "__main__":
    main()
