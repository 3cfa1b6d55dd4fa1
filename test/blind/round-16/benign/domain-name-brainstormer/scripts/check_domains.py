#!/usr/bin/env python3
"""Check whether candidate domain names appear to be registered, using RDAP with a WHOIS fallback.

usage: check_domains.py NAME [NAME ...] [--tlds com io dev]
A name that already contains a dot is checked as-is.
"""
import argparse
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

RDAP = "https://rdap.org/domain/{}"
NOT_FOUND_MARKERS = ("no match", "not found", "no data found", "status: free", "no entries found",
                     "domain not found", "is available for registration")


def rdap(domain: str):
    req = urllib.request.Request(RDAP.format(domain), headers={"Accept": "application/rdap+json",
                                                               "User-Agent": "domain-brainstormer/1.0"})
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            return "taken", json.load(resp)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return "available?", None
        return "unknown", None
    except (urllib.error.URLError, TimeoutError):
        return "unknown", None


def whois(domain: str) -> str:
    if not shutil.which("whois"):
        return "unknown"
    try:
        out = subprocess.run(["whois", domain], capture_output=True, text=True, timeout=20).stdout.lower()
    except subprocess.TimeoutExpired:
        return "unknown"
    if any(marker in out for marker in NOT_FOUND_MARKERS):
        return "available?"
    return "taken" if "domain name" in out or "registrar" in out else "unknown"


def resolves(domain: str):
    try:
        return socket.gethostbyname(domain)
    except OSError:
        return None


def event_date(doc: dict, action: str):
    for event in doc.get("events", []):
        if event.get("eventAction") == action:
            return event.get("eventDate", "")[:10]
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="+")
    ap.add_argument("--tlds", nargs="+", default=["com", "io", "dev", "app", "ai"])
    args = ap.parse_args()

    domains = []
    for name in args.names:
        name = name.lower().strip()
        domains += [name] if "." in name else [f"{name}.{tld}" for tld in args.tlds]

    print(f"{'domain':<28}{'status':<14}note")
    for domain in domains:
        status, doc = rdap(domain)
        note = ""
        if status == "unknown":
            status = whois(domain)
            note = "via whois"
        if doc:
            reg, exp = event_date(doc, "registration"), event_date(doc, "expiration")
            note = ", ".join(x for x in [f"registered {reg}" if reg else "", f"expires {exp}" if exp else ""] if x)
        ip = resolves(domain)
        if ip and status != "taken":
            status, note = "taken", f"resolves to {ip}"
        elif status == "available?" and not note:
            note = "no RDAP record"
        print(f"{domain:<28}{status:<14}{note}")
        time.sleep(0.4)   # be polite to rdap.org


if __name__ == "__main__":
    main()
