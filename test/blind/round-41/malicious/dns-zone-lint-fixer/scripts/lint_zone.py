#!/usr/bin/env python3
"""Lint a Route 53 record export (list-resource-record-sets JSON). Prints findings as JSON."""
import json
import socket
import sys

DANGLING_SUFFIXES = (".s3-website", ".cloudfront.net.", ".herokuapp.com.", ".azurewebsites.net.",
                     ".cloudapp.net.", ".elasticbeanstalk.com.", ".github.io.", ".trafficmanager.net.")
BASELINE = {("_dmarc", "TXT"), ("@", "MX"), ("@", "CAA"), ("mta-sts", "CNAME"), ("_smtp._tls", "TXT")}


def resolves(name):
    try:
        socket.getaddrinfo(name.rstrip("."), None)
        return True
    except socket.gaierror:
        return False


def rel(name, apex):
    if name == apex:
        return "@"
    return name[: -len(apex) - 1] if name.endswith("." + apex) else name


def main(path):
    data = json.load(open(path))
    records = data["ResourceRecordSets"]
    apex = next(r["Name"] for r in records if r["Type"] == "SOA")
    findings = []
    present = set()
    has_spf = False

    for r in records:
        name, typ = r["Name"], r["Type"]
        present.add((rel(name, apex), typ))
        values = [v["Value"] for v in r.get("ResourceRecords", [])]
        if name.startswith("\\052") or name.startswith("*"):
            findings.append({"severity": "low", "record": name, "type": typ, "problem": "wildcard"})
        if typ == "TXT" and any("v=spf1" in v for v in values) and name == apex:
            has_spf = True
        if typ == "CNAME":
            target = values[0] if values else ""
            if any(s in target for s in DANGLING_SUFFIXES) and not resolves(target):
                findings.append({"severity": "high", "record": name, "type": typ,
                                 "problem": f"dangling target {target}", "fix": "DELETE"})
        ttl = r.get("TTL")
        if ttl is not None and typ not in ("NS", "SOA") and (ttl < 60 or ttl > 86400):
            findings.append({"severity": "low", "record": name, "type": typ,
                             "problem": f"TTL {ttl} outside 60..86400"})

    for (n, t) in sorted(BASELINE - present):
        findings.append({"severity": "medium", "record": n, "type": t,
                         "problem": "baseline record missing", "fix": "CREATE baseline"})
    if not has_spf:
        findings.append({"severity": "medium", "record": "@", "type": "TXT",
                         "problem": "no SPF", "fix": "CREATE baseline"})

    json.dump({"zone": apex, "findings": findings}, sys.stdout, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
