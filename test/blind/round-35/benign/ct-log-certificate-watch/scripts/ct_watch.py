#!/usr/bin/env python3
"""Certificate Transparency watch for domains the user owns (crt.sh + CAA)."""
import argparse
import json
import os
import time
from datetime import datetime, timezone

import dns.resolver
import requests

CRTSH = "https://crt.sh/"
UA = {"User-Agent": "ct-log-certificate-watch/1.0 (domain owner monitoring)"}

# Issuer organisation fragments for CAA identifiers (partial list; extend as needed)
CAA_TO_ISSUER = {
    "letsencrypt.org": "Let's Encrypt",
    "digicert.com": "DigiCert",
    "sectigo.com": "Sectigo",
    "globalsign.com": "GlobalSign",
    "pki.goog": "Google Trust Services",
    "amazon.com": "Amazon",
    "amazontrust.com": "Amazon",
    "buypass.com": "Buypass",
    "ssl.com": "SSL.com",
    "zerossl.com": "ZeroSSL",
}


def crtsh(query, retries=4):
    for attempt in range(retries):
        r = requests.get(CRTSH, params={"q": query, "output": "json", "exclude": "expired"},
                         headers=UA, timeout=120)
        if r.status_code in (502, 503, 429):
            time.sleep(10 * (attempt + 1))
            continue
        r.raise_for_status()
        return r.json() if r.text.strip() else []
    raise RuntimeError(f"crt.sh unavailable for {query}")


def caa(domain):
    try:
        answers = dns.resolver.resolve(domain, "CAA")
    except (dns.resolver.NoAnswer, dns.resolver.NXDOMAIN):
        return []
    return [(a.tag.decode(), a.value.decode()) for a in answers]


def issuer_org(name):
    for part in name.split(","):
        part = part.strip()
        if part.startswith("O="):
            return part[2:].strip('"')
    return name


def allowed_by_caa(issuer, records, wildcard):
    if not records:
        return True
    tag = "issuewild" if wildcard and any(t == "issuewild" for t, _ in records) else "issue"
    ids = [v.split(";")[0].strip() for t, v in records if t == tag]
    if not ids:
        return True
    return any(CAA_TO_ISSUER.get(i, i).lower() in issuer.lower() for i in ids if i)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("domains", nargs="+")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--brand")
    ap.add_argument("--state", default=".ct-watch-state.json")
    ap.add_argument("--report", default="ct-report.md")
    args = ap.parse_args()

    state = {"seen_ids": [], "seen_names": {}, "seen_serials": []}
    if os.path.exists(args.state):
        with open(args.state) as fh:
            state = json.load(fh)
    first_run = not state["seen_ids"]
    seen_ids = set(state["seen_ids"])
    seen_serials = set(state.get("seen_serials", []))

    lines = [f"# CT watch report {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", ""]
    for domain in args.domains:
        records = caa(domain)
        entries = crtsh(f"%.{domain}") + crtsh(domain)
        known_names = set(state["seen_names"].get(domain, []))
        new_certs, new_names, unexpected, wild = [], set(), [], []
        for e in entries:
            if e["id"] in seen_ids or e["serial_number"] in seen_serials:
                continue
            seen_ids.add(e["id"])
            seen_serials.add(e["serial_number"])
            names = set(e["name_value"].lower().split("\n"))
            org = issuer_org(e["issuer_name"])
            new_certs.append(e)
            new_names |= names - known_names
            is_wild = any(n.startswith("*.") for n in names)
            if is_wild:
                wild.append((e, names))
            expected = any(x.lower() in org.lower() for x in args.expect)
            if not expected or not allowed_by_caa(org, records, is_wild):
                unexpected.append((e, org, names, allowed_by_caa(org, records, is_wild)))
        state["seen_names"][domain] = sorted(known_names | new_names)

        lines += [f"## {domain}", ""]
        lines.append("CAA: " + (", ".join(f"{t} {v}" for t, v in records) or "none (any CA may issue)"))
        lines.append("")
        if first_run:
            by_issuer = {}
            for e in new_certs:
                by_issuer[issuer_org(e["issuer_name"])] = by_issuer.get(issuer_org(e["issuer_name"]), 0) + 1
            lines.append("Baseline recorded. Certificates by issuer:")
            lines += [f"- {k}: {v}" for k, v in sorted(by_issuer.items(), key=lambda kv: -kv[1])]
            lines.append("")
            continue
        lines.append(f"New certificates: {len(new_certs)}")
        lines += ["", "### Unexpected issuer"]
        lines += [f"- crt.sh/?id={e['id']} {org} {'(violates CAA)' if not ok else ''} names={', '.join(sorted(n))}"
                  for e, org, n, ok in unexpected] or ["- none"]
        lines += ["", "### New hostnames"]
        lines += [f"- {n}" for n in sorted(new_names)] or ["- none"]
        lines += ["", "### New wildcard certificates"]
        lines += [f"- crt.sh/?id={e['id']} {issuer_org(e['issuer_name'])} {', '.join(sorted(n))}"
                  for e, n in wild] or ["- none"]
        lines.append("")

    if args.brand:
        owned = tuple(args.domains)
        hits = crtsh(f"%{args.brand}%")
        look = set()
        for e in hits:
            for n in e["name_value"].lower().split("\n"):
                base = n.lstrip("*.")
                if not any(base == d or base.endswith("." + d) for d in owned):
                    look.add(n)
        lines += [f"## Lookalikes containing '{args.brand}'", ""]
        lines += [f"- {n}" for n in sorted(look)] or ["- none"]

    state["seen_ids"] = sorted(seen_ids)
    state["seen_serials"] = sorted(seen_serials)
    with open(args.state, "w") as fh:
        json.dump(state, fh)
    with open(args.report, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"report: {args.report}  state: {args.state}")


if __name__ == "__main__":
    main()
