#!/usr/bin/env python3
"""Check a zone the user owns for CNAMEs/NS that point at unclaimed provider resources."""
import argparse
import concurrent.futures as cf
import ipaddress
import json
import re
import sys
from pathlib import Path

import dns.exception
import dns.resolver
import dns.zone
import requests
import urllib3

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
FP = json.loads((Path(__file__).resolve().parent.parent / "assets" / "fingerprints.json").read_text())
UA = {"User-Agent": "dangling-cname-takeover-check (owner-run)"}
# Coarse cloud ranges for the INFO note only; not exhaustive.
CLOUD_NETS = [ipaddress.ip_network(n) for n in ("3.0.0.0/9", "52.0.0.0/10", "54.64.0.0/11", "13.64.0.0/11",
                                                "20.0.0.0/11", "34.64.0.0/10", "35.184.0.0/13")]


def records_from_bind(path, origin):
    z = dns.zone.from_file(path, origin=origin, relativize=False, check_origin=False)
    out = []
    for name, node in z.nodes.items():
        for rds in node.rdatasets:
            t = dns.rdatatype.to_text(rds.rdtype)
            if t in ("CNAME", "A", "AAAA", "NS"):
                for rd in rds:
                    out.append((str(name).rstrip("."), t, rd.to_text().rstrip(".")))
    return out


def records_from_route53(path):
    data = json.loads(Path(path).read_text())
    out = []
    for rr in data.get("ResourceRecordSets", []):
        name, t = rr["Name"].rstrip("."), rr["Type"]
        if "AliasTarget" in rr:
            out.append((name, "CNAME", rr["AliasTarget"]["DNSName"].rstrip(".")))
        for r in rr.get("ResourceRecords", []):
            if t in ("CNAME", "A", "AAAA", "NS"):
                out.append((name, t, r["Value"].rstrip(".")))
    return out


def records_from_hosts(path):
    return [(h.strip().rstrip("."), "HOST", "") for h in Path(path).read_text().splitlines()
            if h.strip() and not h.startswith("#")]


def match_provider(target):
    for p in FP["providers"]:
        if any(re.search(rx, target) for rx in p["cname"]):
            return p
    return None


def follow(res, name, depth=8):
    """Return (chain, status) where status is 'ok', 'nxdomain', 'noanswer' or 'error'."""
    chain = [name]
    cur = name
    for _ in range(depth):
        try:
            ans = res.resolve(cur, "CNAME")
            cur = ans[0].target.to_text().rstrip(".")
            chain.append(cur)
            continue
        except dns.resolver.NoAnswer:
            break
        except dns.resolver.NXDOMAIN:
            return chain, "nxdomain"
        except dns.exception.DNSException:
            return chain, "error"
    try:
        res.resolve(cur, "A")
        return chain, "ok"
    except dns.resolver.NXDOMAIN:
        return chain, "nxdomain"
    except dns.resolver.NoAnswer:
        return chain, "noanswer"
    except dns.exception.DNSException:
        return chain, "error"


def http_body(host):
    for scheme in ("https", "http"):
        try:
            r = requests.get(f"{scheme}://{host}/", headers=UA, timeout=10, verify=False, allow_redirects=True)
            return r.status_code, r.text[:20000], dict(r.headers)
        except requests.RequestException:
            continue
    return None, "", {}


def check_record(res, rec, no_http):
    name, rtype, value = rec
    if rtype in ("A", "AAAA"):
        try:
            ip = ipaddress.ip_address(value)
            if any(ip in n for n in CLOUD_NETS):
                return ("INFO", name, f"{rtype} {value}", "cloud range; confirm the IP is still allocated to you")
        except ValueError:
            pass
        return None
    if rtype == "NS":
        try:
            r2 = dns.resolver.Resolver(configure=False)
            r2.nameservers = [str(res.resolve(value, "A")[0])]
            r2.resolve(name, "SOA")
            return None
        except dns.resolver.NXDOMAIN:
            return None
        except dns.exception.DNSException as e:
            return ("MEDIUM", name, f"NS {value}", f"delegated nameserver does not serve the zone ({type(e).__name__})")
    chain, status = follow(res, name)
    target = chain[-1]
    prov = match_provider(target) or (match_provider(value) if value else None)
    label = f"CNAME {' -> '.join(chain[1:])}" if len(chain) > 1 else "(no CNAME)"
    if name.startswith("*."):
        label = "WILDCARD " + label
    if status == "nxdomain" and len(chain) > 1:
        sev = "HIGH" if (prov and prov.get("nxdomain")) else "MEDIUM"
        return (sev, name, label, f"NXDOMAIN at end of chain{' (' + prov['name'] + ', first-come name)' if prov else ''}")
    if not prov:
        return None if rtype != "HOST" else ("OK", name, label, "no provider match")
    if no_http:
        return ("INFO", name, label, f"{prov['name']}: HTTP check skipped")
    code, body, headers = http_body(name)
    for fp in prov.get("body", []):
        if re.search(fp, body):
            sev = "LOW" if prov.get("verified") else "HIGH"
            return (sev, name, label, f"{prov['name']}: unclaimed fingerprint '{fp[:40]}' (HTTP {code})")
    return ("OK", name, label, f"{prov['name']}: responds normally (HTTP {code})")


def main():
    ap = argparse.ArgumentParser()
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--zone-file")
    src.add_argument("--route53-json")
    src.add_argument("--hosts")
    ap.add_argument("--zone", help="origin for --zone-file")
    ap.add_argument("--resolver")
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()

    if a.zone_file:
        if not a.zone:
            sys.exit("--zone is required with --zone-file")
        recs = records_from_bind(a.zone_file, a.zone)
    elif a.route53_json:
        recs = records_from_route53(a.route53_json)
    else:
        recs = records_from_hosts(a.hosts)

    res = dns.resolver.Resolver()
    if a.resolver:
        res.nameservers = [a.resolver]
    res.lifetime = 6

    results = []
    with cf.ThreadPoolExecutor(max_workers=a.concurrency) as ex:
        for r in ex.map(lambda rec: check_record(res, rec, a.no_http), recs):
            if r:
                results.append(r)

    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2, "INFO": 3, "OK": 4}
    results.sort(key=lambda r: (order[r[0]], r[1]))
    for sev, name, label, detail in results:
        print(f"{sev:<7} {name:<40} {label:<60} {detail}")
    if a.json:
        Path(a.json).write_text(json.dumps([dict(zip(("severity", "name", "record", "detail"), r))
                                            for r in results], indent=2) + "\n")
    sys.exit(1 if any(r[0] == "HIGH" for r in results) else 0)


if __name__ == "__main__":
    main()
