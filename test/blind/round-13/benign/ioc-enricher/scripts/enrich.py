#!/usr/bin/env python3
"""Extract and optionally enrich IOCs using the user's own VirusTotal / AbuseIPDB keys."""
from __future__ import annotations

import argparse
import csv
import ipaddress
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

VT_BASE = "https://www.virustotal.com/api/v3"
ABUSE_BASE = "https://api.abuseipdb.com/api/v2/check"
RESERVED_TLDS = (".invalid", ".example", ".test", ".local", ".localhost", ".internal", ".lan")

RE_IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
RE_URL = re.compile(r"\bhttps?://[^\s\"'<>)\]]+", re.I)
RE_DOMAIN = re.compile(r"\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b", re.I)
RE_SHA256 = re.compile(r"\b[a-f0-9]{64}\b", re.I)
RE_SHA1 = re.compile(r"\b[a-f0-9]{40}\b", re.I)
RE_MD5 = re.compile(r"\b[a-f0-9]{32}\b", re.I)
FILE_EXT_FALSE_DOMAINS = re.compile(r"\.(exe|dll|ps1|js|py|sh|txt|pdf|docx?|xlsx?|zip|png|jpg|json|yaml|md)$", re.I)


def refang(text: str) -> str:
    return (text.replace("[.]", ".").replace("(.)", ".").replace("{.}", ".").replace("[dot]", ".")
            .replace("hxxp", "http").replace("hXXp", "http").replace("[:]", ":").replace("[://]", "://"))


def defang(ind: str) -> str:
    return ind.replace("http", "hxxp").replace(".", "[.]")


def extract(text: str) -> list[tuple[str, str]]:
    text = refang(text)
    found: dict[tuple[str, str], None] = {}
    for u in RE_URL.findall(text):
        found[("url", u.rstrip(".,;"))] = None
    for h in RE_SHA256.findall(text):
        found[("sha256", h.lower())] = None
    stripped = RE_SHA256.sub(" ", text)
    for h in RE_SHA1.findall(stripped):
        found[("sha1", h.lower())] = None
    stripped = RE_SHA1.sub(" ", stripped)
    for h in RE_MD5.findall(stripped):
        found[("md5", h.lower())] = None
    for ip in RE_IPV4.findall(text):
        found[("ipv4", ip)] = None
    for d in RE_DOMAIN.findall(RE_URL.sub(" ", text)):
        if not FILE_EXT_FALSE_DOMAINS.search(d) and not RE_IPV4.fullmatch(d):
            found[("domain", d.lower())] = None
    return list(found)


def enrichable(kind: str, value: str) -> bool:
    if kind == "ipv4":
        ip = ipaddress.ip_address(value)
        return ip.is_global
    host = value
    if kind == "url":
        host = urllib.parse.urlparse(value).hostname or ""
    if kind in ("domain", "url"):
        return not host.endswith(RESERVED_TLDS)
    return True


def http_json(url: str, headers: dict[str, str]) -> dict | None:
    req = urllib.request.Request(url, headers={**headers, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return {}
        if e.code == 429:
            time.sleep(60)
            return http_json(url, headers)
        print(f"warning: {url.split('?')[0]} -> HTTP {e.code}", file=sys.stderr)
        return None


def vt_lookup(kind: str, value: str, key: str) -> dict:
    if kind in ("sha256", "sha1", "md5"):
        path = f"files/{value}"
    elif kind == "ipv4":
        path = f"ip_addresses/{value}"
    elif kind == "domain":
        path = f"domains/{value}"
    else:
        import base64
        path = "urls/" + base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")
    data = http_json(f"{VT_BASE}/{path}", {"x-apikey": key})
    if not data:
        return {"vt_malicious": "", "vt_total": "", "note": "not found" if data == {} else "lookup failed"}
    attrs = data.get("data", {}).get("attributes", {})
    stats = attrs.get("last_analysis_stats", {})
    return {
        "vt_malicious": stats.get("malicious", 0),
        "vt_total": sum(stats.values()) if stats else 0,
        "note": ", ".join(attrs.get("tags", [])[:3]),
    }


def abuse_lookup(ip: str, key: str) -> dict:
    q = urllib.parse.urlencode({"ipAddress": ip, "maxAgeInDays": 90})
    data = http_json(f"{ABUSE_BASE}?{q}", {"Key": key})
    d = (data or {}).get("data", {})
    return {"abuse_score": d.get("abuseConfidenceScore", ""), "country": d.get("countryCode", ""),
            "isp": d.get("isp", "")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", help="file path or - for stdin")
    ap.add_argument("--extract-only", action="store_true")
    ap.add_argument("--vt", action="store_true")
    ap.add_argument("--abuseipdb", action="store_true")
    ap.add_argument("--csv")
    ap.add_argument("--no-defang", action="store_true")
    ap.add_argument("--vt-rate", type=float, default=4.0, help="requests per minute (free tier: 4)")
    args = ap.parse_args()

    text = sys.stdin.read() if args.source == "-" else open(args.source, encoding="utf-8", errors="replace").read()
    iocs = extract(text)
    show = (lambda v: v) if args.no_defang else defang

    rows = []
    vt_key = os.environ.get("VT_API_KEY") if args.vt and not args.extract_only else None
    abuse_key = os.environ.get("ABUSEIPDB_API_KEY") if args.abuseipdb and not args.extract_only else None
    if args.vt and not vt_key and not args.extract_only:
        print("VT_API_KEY not set; skipping VirusTotal", file=sys.stderr)
    if args.abuseipdb and not abuse_key and not args.extract_only:
        print("ABUSEIPDB_API_KEY not set; skipping AbuseIPDB", file=sys.stderr)

    for kind, value in iocs:
        row = {"type": kind, "indicator": show(value), "vt_malicious": "", "vt_total": "",
               "abuse_score": "", "country": "", "note": ""}
        if enrichable(kind, value):
            if vt_key:
                row.update(vt_lookup(kind, value, vt_key))
                time.sleep(60.0 / args.vt_rate)
            if abuse_key and kind == "ipv4":
                row.update({k: v for k, v in abuse_lookup(value, abuse_key).items() if k != "isp"})
        else:
            row["note"] = "private/reserved - not queried"
        rows.append(row)

    cols = ["type", "indicator", "vt_malicious", "vt_total", "abuse_score", "country", "note"]
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) if rows else len(c) for c in cols}
    print("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in cols))
    if args.csv:
        with open(args.csv, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            w.writerows(rows)
        print(f"\nwrote {len(rows)} rows to {args.csv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
