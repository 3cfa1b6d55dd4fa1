#!/usr/bin/env python3
"""Author detections from GuardDuty findings: explain, route, sigma, test. Local only."""
import argparse
import glob
import json
import os
import sys

import yaml

SIGMA_MAP = {
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS": {
        "title": "EC2 instance-role credentials used from outside AWS",
        "selection": {"userIdentity.type": "AssumedRole", "userIdentity.arn|contains": ":assumed-role/",
                      "userIdentity.arn|re": r"/i-[0-9a-f]{8,17}$"},
        "filter": {"sourceIPAddress|endswith": ".amazonaws.com"},
        "falsepositives": ["Instance role credentials deliberately copied to a developer laptop for debugging"],
    },
    "Stealth:IAMUser/CloudTrailLoggingDisabled": {
        "title": "CloudTrail logging stopped or trail deleted",
        "selection": {"eventSource": "cloudtrail.amazonaws.com", "eventName": ["StopLogging", "DeleteTrail"]},
        "filter": None,
        "falsepositives": ["Planned trail migration by the platform team"],
    },
    "Persistence:IAMUser/AnomalousBehavior": {
        "title": "IAM persistence API call",
        "selection": {"eventSource": "iam.amazonaws.com",
                      "eventName": ["CreateAccessKey", "CreateLoginProfile", "AttachUserPolicy", "UpdateAssumeRolePolicy"]},
        "filter": None,
        "falsepositives": ["Identity automation (SCIM, Terraform pipeline role)"],
    },
}
NON_CLOUDTRAIL = {
    "CryptoCurrency:EC2/BitcoinTool.B!DNS": (
        "-- needs Route 53 Resolver query logs\n"
        "SELECT query_timestamp, srcids.instance, query_name FROM resolver_query_logs\n"
        "WHERE query_name LIKE ANY ('%pool%', '%xmr%', '%monero%', '%nicehash%') ORDER BY 1;"),
    "UnauthorizedAccess:EC2/TorClient": (
        "-- needs VPC flow logs and a tor_exit_nodes table\n"
        "SELECT f.srcaddr, f.dstaddr, f.dstport, count(*) FROM vpc_flow_logs f\n"
        "JOIN tor_exit_nodes t ON f.dstaddr = t.ip GROUP BY 1,2,3;"),
}


def load(paths):
    out = []
    for p in paths:
        for f in sorted(glob.glob(p)) if any(c in p for c in "*?[") else [p]:
            with open(f) as fh:
                d = json.load(fh)
            out.extend(d if isinstance(d, list) else [d])
    return out


def get(ev, dotted):
    cur = ev
    for part in dotted.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def cmd_explain(a):
    for f in load(a.files):
        act = f.get("Service", {}).get("Action", {})
        print(f"{f['Type']}  severity={f['Severity']}  account={f['AccountId']} region={f['Region']}")
        print(f"  title: {f['Title']}")
        print(f"  resource: {f['Resource'].get('ResourceType')}")
        print(f"  action: {json.dumps(act)[:300]}")
        for ev in f.get("CloudTrailSample", []):
            print(f"  trail: {ev['eventName']} from {ev.get('sourceIPAddress')}")


def cmd_route(a):
    fs = [f for f in load(a.files) if f["Severity"] >= a.severity_min]
    pattern = {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"],
               "detail": {"type": sorted({f["Type"] for f in fs}),
                          "severity": [{"numeric": [">=", a.severity_min]}]}}
    json.dump(pattern, sys.stdout, indent=2)
    print()


def cmd_sigma(a):
    docs = []
    for f in load(a.files):
        t = f["Type"]
        if t in NON_CLOUDTRAIL:
            print(f"# {t}: not expressible on CloudTrail; hunting query:\n# " +
                  NON_CLOUDTRAIL[t].replace("\n", "\n# "))
            continue
        m = SIGMA_MAP.get(t)
        if not m:
            print(f"# {t}: no mapping yet; write by hand", file=sys.stderr)
            continue
        det = {"selection": m["selection"]}
        cond = "selection"
        if m["filter"]:
            det["filter"] = m["filter"]
            cond = "selection and not filter"
        det["condition"] = cond
        docs.append({
            "title": m["title"], "status": "experimental",
            "description": f"Generalised from GuardDuty {t}",
            "logsource": {"product": "aws", "service": "cloudtrail"},
            "detection": det, "falsepositives": m["falsepositives"],
            "level": "high" if f["Severity"] >= 7 else "medium",
            "tags": ["attack.defense-evasion" if "Stealth" in t else "attack.credential-access"],
        })
    if docs:
        yaml.safe_dump_all(docs, sys.stdout, sort_keys=False)


def matches(ev, sel):
    import re
    for k, v in sel.items():
        field, _, mod = k.partition("|")
        val = get(ev, field)
        vals = v if isinstance(v, list) else [v]
        if val is None:
            return False
        s = str(val)
        ok = any((mod == "contains" and x in s) or (mod == "endswith" and s.endswith(x)) or
                 (mod == "re" and re.search(x, s)) or (mod == "" and s == x) for x in vals)
        if not ok:
            return False
    return True


def cmd_test(a):
    rules = []
    for p in glob.glob(os.path.join(a.rules, "*.yml")):
        with open(p) as fh:
            rules += [(p, r) for r in yaml.safe_load_all(fh) if r]
    events = [ev for f in load([os.path.join(a.samples, "*.json")]) for ev in f.get("CloudTrailSample", [])]
    for path, r in rules:
        d = r["detection"]
        hits = [e for e in events if matches(e, d["selection"]) and not (d.get("filter") and matches(e, d["filter"]))]
        print(f"{'HIT ' if hits else 'MISS'} {r['title']} ({os.path.basename(path)}): {len(hits)} event(s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("explain"); p.add_argument("files", nargs="+"); p.set_defaults(fn=cmd_explain)
    p = sub.add_parser("route"); p.add_argument("files", nargs="+"); p.add_argument("--severity-min", type=float, default=4); p.set_defaults(fn=cmd_route)
    p = sub.add_parser("sigma"); p.add_argument("files", nargs="+"); p.set_defaults(fn=cmd_sigma)
    p = sub.add_parser("test"); p.add_argument("rules"); p.add_argument("samples"); p.set_defaults(fn=cmd_test)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
