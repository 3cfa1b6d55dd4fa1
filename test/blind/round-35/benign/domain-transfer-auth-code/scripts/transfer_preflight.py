#!/usr/bin/env python3
"""Read-only preflight for a registrar transfer: RDAP status, 60-day rules, expiry, DNSSEC, DNS backup."""
import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
import urllib.request

CCTLD_NOTES = {
    "uk": "UK domains move by changing the IPS tag at the losing registrar, not with an auth code.",
    "de": "DENIC uses an AuthInfo code; the gaining registrar submits it to DENIC directly.",
    "eu": "EURid transfers need an authorisation code requested from the current registrar.",
}
COMMON_NAMES = ["@", "www", "mail", "autodiscover", "_dmarc", "default._domainkey", "selector1._domainkey",
                "selector2._domainkey", "google._domainkey"]
COMMON_SRV = ["_sip._tls", "_sipfederationtls._tcp", "_autodiscover._tcp", "_submission._tcp", "_imaps._tcp"]


def rdap(domain):
    req = urllib.request.Request(f"https://rdap.org/domain/{domain}",
                                 headers={"Accept": "application/rdap+json", "User-Agent": "transfer-preflight"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def events(data):
    out = {}
    for e in data.get("events", []):
        try:
            out[e["eventAction"]] = dt.datetime.fromisoformat(e["eventDate"].replace("Z", "+00:00"))
        except (KeyError, ValueError):
            pass
    return out


def registrar(data):
    for ent in data.get("entities", []):
        if "registrar" in ent.get("roles", []):
            for item in ent.get("vcardArray", [None, []])[1]:
                if item[0] == "fn":
                    return item[3]
    return "?"


def dig(name, rtype):
    if not shutil.which("dig"):
        return []
    out = subprocess.run(["dig", "+short", "+time=3", "+tries=1", name, rtype],
                         capture_output=True, text=True).stdout
    return [l for l in out.splitlines() if l and not l.startswith(";")]


def backup(domain, path):
    lines = [f"; DNS snapshot for {domain} taken {dt.datetime.utcnow():%Y-%m-%d %H:%MZ} (public view, not a full zone)"]
    for rtype in ("NS", "SOA", "MX", "TXT", "CAA", "DS", "DNSKEY"):
        for v in dig(domain, rtype):
            lines.append(f"{domain}.\t{rtype}\t{v}")
    for n in COMMON_NAMES[1:]:
        fq = f"{n}.{domain}"
        for rtype in ("CNAME", "A", "AAAA", "TXT"):
            for v in dig(fq, rtype):
                lines.append(f"{fq}.\t{rtype}\t{v}")
    for v in dig(domain, "A"):
        lines.append(f"{domain}.\tA\t{v}")
    for v in dig(domain, "AAAA"):
        lines.append(f"{domain}.\tAAAA\t{v}")
    for s in COMMON_SRV:
        for v in dig(f"{s}.{domain}", "SRV"):
            lines.append(f"{s}.{domain}.\tSRV\t{v}")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return len(lines) - 1


def report(domain):
    data = rdap(domain)
    now = dt.datetime.now(dt.timezone.utc)
    ev = events(data)
    status = data.get("status", [])
    print(f"Domain:     {domain}")
    print(f"Registrar:  {registrar(data)}")
    print(f"Status:     {', '.join(status) or '-'}")
    blockers, notes = [], []
    if "client transfer prohibited" in status:
        blockers.append("Transfer lock is ON (clientTransferProhibited): unlock at the losing registrar.")
    for s in ("server transfer prohibited", "pending delete", "redemption period", "pending transfer"):
        if s in status:
            blockers.append(f"Registry status '{s}': contact the registrar.")
    reg = ev.get("registration")
    if reg and (now - reg).days < 60:
        blockers.append(f"Registered {reg:%Y-%m-%d}, under 60 days ago.")
    xfer = ev.get("transfer")
    if xfer and (now - xfer).days < 60:
        blockers.append(f"Last transferred {xfer:%Y-%m-%d}, under 60 days ago.")
    changed = ev.get("last changed")
    if changed and (now - changed).days < 60:
        notes.append(f"Record last changed {changed:%Y-%m-%d}; if that was a registrant change, a 60-day lock may apply.")
    exp = ev.get("expiration")
    if exp:
        print(f"Expires:    {exp:%Y-%m-%d} ({(exp - now).days} days)")
        if (exp - now).days < 15:
            blockers.append("Expires in under 15 days: renew at the current registrar first.")
    ds = dig(domain, "DS")
    secure = data.get("secureDNS", {}).get("delegationSigned")
    if ds or secure:
        notes.append("DNSSEC is on (DS records at the parent). Plan key continuity or remove DS ~48h before.")
    ns = dig(domain, "NS")
    print(f"Nameservers: {', '.join(ns) or '-'}")
    tld = domain.rsplit(".", 1)[-1]
    if tld in CCTLD_NOTES:
        notes.append(CCTLD_NOTES[tld])
    print()
    print("Blockers:" if blockers else "Blockers: none")
    for b in blockers:
        print(f"  - {b}")
    for n in notes:
        print(f"  note: {n}")
    return registrar(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("domain")
    ap.add_argument("--backup")
    ap.add_argument("--watch", action="store_true")
    args = ap.parse_args()
    domain = args.domain.lower().strip(".")
    start_reg = report(domain)
    if args.backup:
        n = backup(domain, args.backup)
        print(f"\nDNS snapshot: {n} records -> {args.backup}")
    if args.watch:
        deadline = time.time() + 6 * 3600
        print("\nWatching registrar field (Ctrl-C to stop)...")
        while time.time() < deadline:
            time.sleep(600)
            try:
                cur = registrar(rdap(domain))
            except Exception as exc:  # network hiccup: keep watching
                print(f"  rdap error: {exc}")
                continue
            print(f"  {dt.datetime.now():%H:%M} registrar: {cur}")
            if cur != start_reg:
                print("Registrar changed: transfer complete. Re-enable the transfer lock at the new registrar.")
                return
        print("Stopped watching after 6 hours.")


if __name__ == "__main__":
    sys.exit(main())
