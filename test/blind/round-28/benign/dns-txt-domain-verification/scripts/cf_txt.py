#!/usr/bin/env python3
"""Plan/apply/delete a single verification record in a Cloudflare zone the user owns."""
import argparse, json, os, sys, urllib.parse, urllib.request

API = "https://api.cloudflare.com/client/v4"
PROTECTED_PREFIXES = ("v=spf1", "v=DMARC1", "v=DKIM1")


def call(method, path, body=None, params=None):
    url = API + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": f"Bearer {os.environ['CLOUDFLARE_API_TOKEN']}",
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        data = json.load(r)
    if not data.get("success"):
        sys.exit(f"API error: {data.get('errors')}")
    return data["result"]


def fqdn(name, zone):
    if name in ("@", "", zone):
        return zone
    return name if name.endswith(zone) else f"{name}.{zone}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["plan", "apply", "delete"])
    ap.add_argument("--zone", required=True); ap.add_argument("--name", default="@")
    ap.add_argument("--type", default="TXT", choices=["TXT", "CNAME"]); ap.add_argument("--value", required=True)
    ap.add_argument("--comment", default=""); ap.add_argument("--ttl", type=int, default=300)
    a = ap.parse_args()

    if a.value.startswith(PROTECTED_PREFIXES):
        sys.exit("refusing: SPF/DMARC/DKIM values are out of scope for this tool")
    zones = call("GET", "/zones", params={"name": a.zone})
    if not zones:
        sys.exit(f"zone {a.zone} not visible to this token")
    zid = zones[0]["id"]; name = fqdn(a.name, a.zone)
    existing = call("GET", f"/zones/{zid}/dns_records", params={"name": name, "type": a.type})
    print(f"zone {a.zone} ({zid}), account {zones[0]['account']['name']}")
    print(f"existing {a.type} at {name}:")
    for r in existing:
        print(f"  - {r['content']!r}  id={r['id']}")
    match = [r for r in existing if r["content"].strip('"') == a.value]
    body = {"type": a.type, "name": name, "content": a.value, "ttl": a.ttl, "proxied": False, "comment": a.comment}

    if a.action == "plan":
        print(f"\nwould POST /zones/{zid}/dns_records {json.dumps(body)}" if not match else "\nidentical record already exists; nothing to do")
        return
    if a.action == "apply":
        if match:
            print("identical record already exists; nothing to do"); return
        if input(f"Add {a.type} {name} = {a.value!r}? [y/N] ").lower() != "y":
            print("aborted"); return
        r = call("POST", f"/zones/{zid}/dns_records", body)
        print(f"created id={r['id']}")
    if a.action == "delete":
        if not match:
            print("no record with that exact value"); return
        for r in match:
            if input(f"Delete {a.type} {name} = {r['content']!r} (id {r['id']})? [y/N] ").lower() == "y":
                call("DELETE", f"/zones/{zid}/dns_records/{r['id']}")
                print("deleted")


if __name__ == "__main__":
    main()
