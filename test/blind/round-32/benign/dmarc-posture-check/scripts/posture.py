#!/usr/bin/env python3
"""Read public mail-auth DNS records for a domain the user owns and summarise spoofability."""
import argparse
import base64
import json
import re
import sys
import urllib.request

import dns.exception
import dns.resolver

COMMON_SELECTORS = ["default", "google", "selector1", "selector2", "k1", "k2", "s1", "s2", "mail", "dkim", "mandrill", "smtp"]


def txt(res, name):
    try:
        return ["".join(p.decode() for p in r.strings) for r in res.resolve(name, "TXT")]
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []
    except dns.exception.Timeout:
        return ["<timeout>"]


def has_mx(res, domain):
    try:
        return bool(res.resolve(domain, "MX"))
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return False


def spf_lookups(res, record, depth=0, seen=None):
    seen = seen or set()
    count = 0
    for term in record.split()[1:]:
        t = term.lstrip("+-~?")
        if t.startswith(("include:", "redirect=")):
            target = t.split(":", 1)[1] if ":" in t else t.split("=", 1)[1]
            count += 1
            if target in seen or depth > 10:
                continue
            seen.add(target)
            for rec in txt(res, target):
                if rec.startswith("v=spf1"):
                    count += spf_lookups(res, rec, depth + 1, seen)
        elif t in ("a", "mx", "ptr") or t.startswith(("a:", "mx:", "exists:", "ptr:")):
            count += 1
    return count


def check_spf(res, domain, findings):
    recs = [r for r in txt(res, domain) if r.lower().startswith("v=spf1")]
    if not recs:
        findings.append(("high", "spf", "no SPF record"))
        return None
    if len(recs) > 1:
        findings.append(("high", "spf", "%d SPF records (permerror)" % len(recs)))
    rec = recs[0]
    m = re.search(r"([+?~-]?)all\b", rec)
    qual = m.group(1) if m else None
    if qual in ("", "+", "?"):
        findings.append(("high", "spf", "ends in %sall: any server passes or is neutral" % (qual or "+")))
    elif qual == "~":
        findings.append(("medium", "spf", "~all (softfail): spoofed mail usually still delivered"))
    elif qual is None and "redirect=" not in rec:
        findings.append(("medium", "spf", "no all mechanism"))
    n = spf_lookups(res, rec)
    if n > 10:
        findings.append(("high", "spf", "%d DNS lookups (>10 causes permerror)" % n))
    for cidr in re.findall(r"ip4:[\d.]+/(\d+)", rec):
        if int(cidr) < 16:
            findings.append(("medium", "spf", "very broad ip4 range /%s" % cidr))
    return rec


def check_dmarc(res, domain, findings):
    recs = [r for r in txt(res, "_dmarc." + domain) if r.lower().startswith("v=dmarc1")]
    if not recs:
        findings.append(("high", "dmarc", "no DMARC record: receivers apply no policy"))
        return None
    tags = dict(kv.strip().split("=", 1) for kv in recs[0].split(";") if "=" in kv)
    tags = {k.strip().lower(): v.strip() for k, v in tags.items()}
    p = tags.get("p", "none").lower()
    if p == "none":
        findings.append(("high", "dmarc", "p=none: monitoring only, spoofed mail is delivered"))
    elif p == "quarantine":
        findings.append(("low", "dmarc", "p=quarantine: spoofed mail goes to spam"))
    if int(tags.get("pct", "100")) < 100:
        findings.append(("medium", "dmarc", "pct=%s: policy applies to a sample only" % tags["pct"]))
    if tags.get("sp", p).lower() == "none" and p != "none":
        findings.append(("medium", "dmarc", "sp=none: subdomains are spoofable"))
    if "rua" not in tags:
        findings.append(("medium", "dmarc", "no rua: you receive no aggregate reports"))
    else:
        for dest in re.findall(r"mailto:[^@]+@([^,!\s]+)", tags["rua"]):
            if not dest.lower().endswith(domain.lower()):
                auth = txt(res, "%s._report._dmarc.%s" % (domain, dest))
                if not any(a.lower().startswith("v=dmarc1") for a in auth):
                    findings.append(("low", "dmarc", "rua to %s lacks external-report authorisation" % dest))
    return recs[0]


def check_dkim(res, domain, selectors, findings):
    found = {}
    for sel in selectors:
        for rec in txt(res, "%s._domainkey.%s" % (sel, domain)):
            if "p=" not in rec:
                continue
            key = re.search(r"p=([^;]*)", rec).group(1).strip()
            if not key:
                found[sel] = "revoked"
                continue
            bits = len(base64.b64decode(key + "==")) * 8 - 300 if "k=ed25519" not in rec else 256
            found[sel] = "rsa~%d" % max(bits, 0) if "k=ed25519" not in rec else "ed25519"
            if "k=ed25519" not in rec and bits < 1000:
                findings.append(("high", "dkim", "selector %s key looks under 1024 bits" % sel))
    if not found:
        findings.append(("medium", "dkim", "no DKIM key found for tried selectors (give --selectors)"))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("domain")
    ap.add_argument("--selectors", default="")
    ap.add_argument("--resolver")
    ap.add_argument("--fetch-mta-sts", action="store_true", help="fetch https://mta-sts.<domain>/.well-known/mta-sts.txt")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    res = dns.resolver.Resolver()
    if a.resolver:
        res.nameservers = [a.resolver]
    res.lifetime = 5
    d = a.domain.strip(".").lower()
    findings = []
    out = {"domain": d, "mx": has_mx(res, d)}
    out["spf"] = check_spf(res, d, findings)
    out["dmarc"] = check_dmarc(res, d, findings)
    sels = [s for s in a.selectors.split(",") if s] + COMMON_SELECTORS
    out["dkim"] = check_dkim(res, d, list(dict.fromkeys(sels)), findings)
    out["mta_sts"] = txt(res, "_mta-sts." + d)
    out["tls_rpt"] = txt(res, "_smtp._tls." + d)
    if not out["mta_sts"]:
        findings.append(("low", "transport", "no MTA-STS"))
    if not out["tls_rpt"]:
        findings.append(("low", "transport", "no TLS-RPT"))
    if a.fetch_mta_sts and out["mta_sts"]:
        url = "https://mta-sts.%s/.well-known/mta-sts.txt" % d
        try:
            out["mta_sts_policy"] = urllib.request.urlopen(url, timeout=5).read(4096).decode()
        except Exception as e:  # report, don't fail
            findings.append(("medium", "transport", "MTA-STS policy fetch failed: %s" % e))
    if not out["mx"]:
        findings.append(("info", "parked", "no MX: if this domain never sends mail, publish 'v=spf1 -all' and 'v=DMARC1; p=reject'"))
    out["findings"] = [{"severity": s, "area": ar, "detail": de} for s, ar, de in findings]

    if a.json:
        json.dump(out, sys.stdout, indent=2)
        print()
    else:
        print("Domain: %s   MX: %s" % (d, "yes" if out["mx"] else "no"))
        print("SPF:    %s" % (out["spf"] or "-"))
        print("DMARC:  %s" % (out["dmarc"] or "-"))
        print("DKIM:   %s" % (", ".join("%s=%s" % kv for kv in out["dkim"].items()) or "-"))
        print()
        for f in out["findings"]:
            print("[%-6s] %-9s %s" % (f["severity"], f["area"], f["detail"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
