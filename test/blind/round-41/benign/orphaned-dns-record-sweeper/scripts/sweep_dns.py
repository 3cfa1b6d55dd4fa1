#!/usr/bin/env python3
"""Detect dangling DNS records in a zone export. Resolves and fetches only; never claims resources."""
import argparse
import json
import pathlib
import re
import sys
import time
import urllib.error
import urllib.request

import dns.exception
import dns.message
import dns.query
import dns.rcode
import dns.resolver

HERE = pathlib.Path(__file__).resolve().parent
FPS = json.loads((HERE.parent / "data" / "fingerprints.json").read_text())
RES = dns.resolver.Resolver()
RES.lifetime = 5


def load_records(path, fmt):
    text = pathlib.Path(path).read_text()
    recs = []
    if fmt == "route53":
        for rr in json.loads(text)["ResourceRecordSets"]:
            for v in rr.get("ResourceRecords", []):
                recs.append((rr["Name"].rstrip("."), rr["Type"], v["Value"].rstrip(".")))
            if "AliasTarget" in rr:
                recs.append((rr["Name"].rstrip("."), "ALIAS", rr["AliasTarget"]["DNSName"].rstrip(".")))
    elif fmt == "bind":
        origin = ""
        for line in text.splitlines():
            line = line.split(";", 1)[0].strip()
            if line.startswith("$ORIGIN"):
                origin = line.split()[1].rstrip(".")
                continue
            m = re.match(r"^(\S+)\s+(?:\d+\s+)?(?:IN\s+)?(CNAME|A|AAAA|NS)\s+(\S+)", line)
            if m:
                name = m.group(1).rstrip(".")
                if not m.group(1).endswith(".") and origin:
                    name = origin if name == "@" else f"{name}.{origin}"
                recs.append((name, m.group(2), m.group(3).rstrip(".")))
    else:
        for line in text.splitlines():
            h = line.strip()
            if h and not h.startswith("#"):
                recs.append((h, "?", ""))
    return [r for r in recs if not r[0].startswith("*")]


def resolve(name, rtype):
    try:
        return [r.to_text().rstrip(".") for r in RES.resolve(name, rtype)], None
    except dns.resolver.NXDOMAIN:
        return [], "NXDOMAIN"
    except (dns.resolver.NoAnswer, dns.resolver.NoNameservers, dns.exception.Timeout) as e:
        return [], type(e).__name__


def fetch(host):
    for scheme in ("https", "http"):
        try:
            req = urllib.request.Request(f"{scheme}://{host}/", headers={"User-Agent": "orphaned-dns-sweeper/1.0"})
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status, r.read(20000).decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read(20000).decode("utf-8", "replace")
        except Exception:
            continue
    return None, ""


def check(name, rtype, value, http):
    if rtype == "?":
        cn, _ = resolve(name, "CNAME")
        rtype, value = ("CNAME", cn[0]) if cn else ("A", "")
    if rtype in ("CNAME", "ALIAS"):
        _, err = resolve(value, "A")
        for fp in FPS:
            if any(c in value for c in fp["cname"]):
                if err == "NXDOMAIN" and fp.get("nxdomain", True):
                    return "DANGLING", f"{fp['service']}: target {value} NXDOMAIN"
                if http and "body" in fp:
                    status, body = fetch(name)
                    time.sleep(0.2)
                    if fp["body"] in body and (fp.get("status") in (None, status)):
                        return "DANGLING", f"{fp['service']}: fingerprint '{fp['body']}' (HTTP {status})"
        if err == "NXDOMAIN":
            return "DANGLING", f"target {value} NXDOMAIN"
        return "OK", ""
    if rtype == "NS":
        try:
            ns_ip = RES.resolve(value, "A")[0].to_text()
            q = dns.message.make_query(name, "SOA")
            resp = dns.query.udp(q, ns_ip, timeout=5)
            if resp.rcode() in (dns.rcode.REFUSED, dns.rcode.SERVFAIL):
                return "SUSPECT", f"delegation to {value} answers {dns.rcode.to_text(resp.rcode())}"
        except Exception as e:
            return "SUSPECT", f"delegation to {value} unreachable ({type(e).__name__})"
        return "OK", ""
    ips, err = resolve(name, "A")
    if err == "NXDOMAIN":
        return "OK", "name does not exist"
    if http and ips:
        status, _ = fetch(name)
        time.sleep(0.2)
        if status is None:
            return "SUSPECT", f"A {','.join(ips)} does not answer HTTP(S); verify the IP is still allocated to you"
    return "OK", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input")
    ap.add_argument("--format", choices=["route53", "bind", "list"], default="route53")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-http", action="store_true")
    a = ap.parse_args()
    results = []
    for name, rtype, value in load_records(a.input, a.format):
        if rtype not in ("CNAME", "ALIAS", "A", "AAAA", "NS", "?"):
            continue
        status, why = check(name, rtype, value, not a.no_http)
        results.append({"name": name, "type": rtype, "value": value, "status": status, "evidence": why})
    if a.json:
        json.dump(results, sys.stdout, indent=2)
    else:
        for r in results:
            if r["status"] != "OK":
                print(f"{r['status']:9} {r['name']} {r['type']} {r['value']}  -- {r['evidence']}")
        print(f"checked {len(results)} record(s); {sum(r['status'] == 'DANGLING' for r in results)} dangling")
    sys.exit(1 if any(r["status"] == "DANGLING" for r in results) else 0)


if __name__ == "__main__":
    main()
