#!/usr/bin/env python3
"""Two-step Route 53 cutover with rollback file. Subcommands: show, ttl, switch."""
import argparse
import datetime
import json
import socket
import subprocess
import sys
import time

import boto3

r53 = boto3.client("route53")


def fqdn(name):
    return name if name.endswith(".") else name + "."


def find_zone(name, zone_id=None):
    if zone_id:
        return zone_id
    name = fqdn(name)
    zones = [z for p in r53.get_paginator("list_hosted_zones").paginate() for z in p["HostedZones"]]
    matches = [z for z in zones if name.endswith("." + z["Name"]) or name == z["Name"]]
    if not matches:
        sys.exit(f"no hosted zone for {name} in this account")
    best = max(len(z["Name"]) for z in matches)
    top = [z for z in matches if len(z["Name"]) == best]
    if len(top) > 1:
        sys.exit("several zones match (public/private?): " + ", ".join(f"{z['Id']} private={z['Config']['PrivateZone']}" for z in top) + "\nre-run with --zone-id")
    return top[0]["Id"].split("/")[-1]


def get_record(zone, name, rtype, set_id=None):
    r = r53.list_resource_record_sets(HostedZoneId=zone, StartRecordName=fqdn(name), StartRecordType=rtype, MaxItems="10")
    recs = [x for x in r["ResourceRecordSets"] if x["Name"] == fqdn(name) and x["Type"] == rtype]
    if set_id:
        recs = [x for x in recs if x.get("SetIdentifier") == set_id]
    if len(recs) > 1:
        sys.exit("multiple routing-policy records; pass --set-id " + ", ".join(x.get("SetIdentifier", "?") for x in recs))
    return recs[0] if recs else None


def confirm(prompt):
    return input(f"{prompt} [y/N] ").strip().lower() in ("y", "yes")


def submit(zone, rrset, comment):
    batch = {"Comment": comment, "Changes": [{"Action": "UPSERT", "ResourceRecordSet": rrset}]}
    print(json.dumps(batch, indent=2))
    if not confirm("apply this change?"):
        sys.exit("aborted; nothing changed")
    cid = r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch=batch)["ChangeInfo"]["Id"]
    while r53.get_change(Id=cid)["ChangeInfo"]["Status"] != "INSYNC":
        time.sleep(5)
    print("INSYNC")


def public_answers(name, rtype):
    for ns in ("1.1.1.1", "8.8.8.8"):
        out = subprocess.run(["dig", "+short", f"@{ns}", name, rtype], capture_output=True, text=True).stdout.split()
        print(f"  {ns}: {' '.join(out) or '(none)'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["show", "ttl", "switch"])
    ap.add_argument("name"); ap.add_argument("type")
    ap.add_argument("ttl_value", nargs="?", type=int)
    ap.add_argument("--value", action="append")
    ap.add_argument("--alias"); ap.add_argument("--alias-zone")
    ap.add_argument("--zone-id"); ap.add_argument("--set-id")
    a = ap.parse_args()
    rtype = a.type.upper()
    if rtype in ("NS", "SOA"):
        sys.exit("refusing to change NS/SOA")
    if rtype in ("MX", "TXT"):
        print("WARNING: MX/TXT changes affect mail delivery and SPF/DKIM verification")
    zone = find_zone(a.name, a.zone_id)
    cur = get_record(zone, a.name, rtype, a.set_id)

    if a.cmd == "show":
        print(f"zone {zone}")
        print(json.dumps(cur, indent=2, default=str) if cur else "(no such record)")
        print("public resolvers:")
        public_answers(a.name, rtype)
        return

    if a.cmd == "ttl":
        if not cur or "AliasTarget" in cur:
            sys.exit("no plain record to change TTL on (alias records have no TTL)")
        new = dict(cur, TTL=a.ttl_value)
        print(f"TTL {cur['TTL']} -> {a.ttl_value}. Old TTL means caches may hold the old value for {cur['TTL']}s after this.")
        submit(zone, new, f"TTL change via cutover.py")
        return

    # switch
    if not (a.value or a.alias):
        sys.exit("switch needs --value or --alias/--alias-zone")
    new = {"Name": fqdn(a.name), "Type": rtype}
    if cur and cur.get("SetIdentifier"):
        for k in ("SetIdentifier", "Weight", "Region", "Failover", "HealthCheckId"):
            if k in cur:
                new[k] = cur[k]
    if a.alias:
        new["AliasTarget"] = {"DNSName": fqdn(a.alias), "HostedZoneId": a.alias_zone, "EvaluateTargetHealth": True}
    else:
        new["TTL"] = (cur or {}).get("TTL", 60)
        new["ResourceRecords"] = [{"Value": v} for v in a.value]
    if cur:
        ts = datetime.datetime.now().strftime("%Y%m%dT%H%M%S")
        rb = f"rollback-{a.name}-{rtype}-{ts}.json"
        with open(rb, "w") as fh:
            json.dump({"Comment": "rollback", "Changes": [{"Action": "UPSERT", "ResourceRecordSet": cur}]}, fh, indent=2, default=str)
        print(f"rollback batch saved to {rb}")
        print("OLD:", json.dumps({k: cur[k] for k in cur if k in ("TTL", "ResourceRecords", "AliasTarget")}, default=str))
    print("NEW:", json.dumps({k: new[k] for k in new if k in ("TTL", "ResourceRecords", "AliasTarget")}))
    submit(zone, new, "cutover via cutover.py")
    for v in a.value or []:
        for port in (443, 80):
            try:
                socket.create_connection((v, port), timeout=5).close()
                print(f"  {v}:{port} reachable")
            except OSError as e:
                print(f"  {v}:{port} NOT reachable ({e})")


if __name__ == "__main__":
    main()
