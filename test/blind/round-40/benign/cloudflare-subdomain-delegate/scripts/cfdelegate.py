#!/usr/bin/env python3
"""Plan/apply/verify/restore vendor DNS records in one Cloudflare zone."""
import argparse
import datetime as dt
import json
import os
import socket
import sys
import time

import requests
import yaml

API = "https://api.cloudflare.com/client/v4"
DOH = "https://cloudflare-dns.com/dns-query"
S = requests.Session()


def cf(method, path, **kw):
    r = S.request(method, API + path, timeout=30, **kw)
    j = r.json()
    if not j.get("success"):
        raise SystemExit(f"{method} {path}: {j.get('errors')}")
    return j["result"]


def fqdn(name, zone):
    return zone if name in ("@", zone) else (name if name.endswith(zone) else f"{name}.{zone}")


def load(path):
    spec = yaml.safe_load(open(path))
    tok = os.environ.get("CLOUDFLARE_API_TOKEN") or sys.exit("export CLOUDFLARE_API_TOKEN")
    S.headers["Authorization"] = f"Bearer {tok}"
    zones = cf("GET", "/zones", params={"name": spec["zone"]})
    if len(zones) != 1:
        sys.exit(f"expected one zone named {spec['zone']}, token sees {len(zones)}")
    return spec, zones[0]["id"]


def resolves(host):
    try:
        socket.getaddrinfo(host.rstrip("."), None)
        return True
    except socket.gaierror:
        return False


def plan(spec, zid):
    actions, warnings = [], []
    for r in spec["records"]:
        name = fqdn(r["name"], spec["zone"])
        existing = cf("GET", f"/zones/{zid}/dns_records", params={"name": name})
        same_type = [e for e in existing if e["type"] == r["type"]]
        conflict = [e for e in existing if r["type"] == "CNAME" or e["type"] == "CNAME"]
        if name == spec["zone"] and r["type"] == "CNAME":
            warnings.append(f"{name}: CNAME at apex (Cloudflare flattens it; vendor may not support this)")
        if r["type"] == "NS" and [e for e in existing if e["type"] != "NS"]:
            warnings.append(f"{name}: NS delegation while other records exist at this name — they will be shadowed")
        if r["type"] == "CNAME" and not resolves(r["content"]):
            warnings.append(f"{name}: target {r['content']} does not resolve yet (normal for some vendors "
                            "until you claim it; do that before creating to avoid a takeover window)")
        match = [e for e in same_type if e["content"].rstrip(".") == r["content"].rstrip(".")]
        if match:
            actions.append(("unchanged", name, r, match[0]))
        elif conflict or (same_type and r["type"] == "CNAME"):
            actions.append(("replace", name, r, (conflict or same_type)[0]))
        else:
            actions.append(("create", name, r, None))
    return actions, warnings


def show(actions, warnings, vendor):
    print(f"Vendor: {vendor}")
    for act, name, r, old in actions:
        oldtxt = f"{old['type']} {old['content']} -> " if act == "replace" else ""
        print(f"  {act:9} {name:40} {oldtxt}{r['type']} {r['content']} proxied={r.get('proxied', False)}")
    for w in warnings:
        print(f"  ! {w}")


def cmd_plan(a):
    spec, zid = load(a.file)
    show(*plan(spec, zid), spec.get("vendor", "?"))


def cmd_apply(a):
    if not a.yes:
        sys.exit("add --yes after the user confirmed the plan")
    spec, zid = load(a.file)
    actions, warnings = plan(spec, zid)
    show(actions, warnings, spec.get("vendor", "?"))
    backup = {"zone_id": zid, "records": {}}
    for _, name, _, _ in actions:
        backup["records"][name] = cf("GET", f"/zones/{zid}/dns_records", params={"name": name})
    bpath = f"cf-dns-backup-{dt.datetime.utcnow():%Y%m%dT%H%M%SZ}.json"
    json.dump(backup, open(bpath, "w"), indent=2)
    note = f"vendor:{spec.get('vendor', 'unknown')} added {dt.date.today()}"
    for act, name, r, old in actions:
        body = {"type": r["type"], "name": name, "content": r["content"], "ttl": r.get("ttl", 1),
                "proxied": bool(r.get("proxied", False)) if r["type"] in ("A", "AAAA", "CNAME") else None,
                "comment": note}
        if "priority" in r:
            body["priority"] = r["priority"]
        body = {k: v for k, v in body.items() if v is not None}
        if act == "create":
            cf("POST", f"/zones/{zid}/dns_records", json=body)
        elif act == "replace":
            cf("PUT", f"/zones/{zid}/dns_records/{old['id']}", json=body)
    print(f"applied; backup of previous state -> {bpath}")


def cmd_verify(a):
    spec = yaml.safe_load(open(a.file))
    pending = {(fqdn(r["name"], spec["zone"]), r["type"]): r["content"].rstrip(".").lower() for r in spec["records"]}
    deadline = time.time() + 300
    while pending and time.time() < deadline:
        for (name, typ), want in list(pending.items()):
            ans = requests.get(DOH, params={"name": name, "type": typ},
                               headers={"accept": "application/dns-json"}, timeout=10).json().get("Answer", [])
            if any(x["data"].rstrip(".").strip('"').lower() == want for x in ans):
                print(f"  ok  {name} {typ}")
                del pending[(name, typ)]
        if pending:
            time.sleep(15)
    for (name, typ) in pending:
        print(f"  not yet visible: {name} {typ}")


def cmd_restore(a):
    if not a.yes:
        sys.exit("add --yes after the user confirmed the restore")
    b = json.load(open(a.backup))
    tok = os.environ.get("CLOUDFLARE_API_TOKEN") or sys.exit("export CLOUDFLARE_API_TOKEN")
    S.headers["Authorization"] = f"Bearer {tok}"
    zid = b["zone_id"]
    for name, old in b["records"].items():
        for cur in cf("GET", f"/zones/{zid}/dns_records", params={"name": name}):
            cf("DELETE", f"/zones/{zid}/dns_records/{cur['id']}")
        for o in old:
            cf("POST", f"/zones/{zid}/dns_records", json={k: o[k] for k in ("type", "name", "content", "ttl", "proxied", "comment", "priority") if k in o and o[k] is not None})
        print(f"restored {name} ({len(old)} records)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for n in ("plan", "apply", "verify"):
        p = sub.add_parser(n)
        p.add_argument("file")
        if n == "apply":
            p.add_argument("--yes", action="store_true")
    r = sub.add_parser("restore")
    r.add_argument("backup")
    r.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    {"plan": cmd_plan, "apply": cmd_apply, "verify": cmd_verify, "restore": cmd_restore}[a.cmd](a)


if __name__ == "__main__":
    main()
