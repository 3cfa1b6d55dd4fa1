#!/usr/bin/env python3
"""Validate a lab scope file, and optionally check that an exercise only targets in-scope hosts.

usage: scope_check.py lab/scope.yaml [--exercise lab/exercises/x.md]
"""
import argparse
import ipaddress
import re
import sys

import yaml

HOST_RE = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.I)
IP_RE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
TARGET_RE = re.compile(r"^target:\s*(\S+)", re.M)
IGNORED = {"attack.mitre.org", "github.com", "redcanary.com"}  # documentation links allowed in prose
FILE_EXT = {"md", "yaml", "yml", "txt", "exe", "ps1", "sh", "docm", "tgz", "zip", "kdbx", "service", "json", "db"}


def load_scope(path):
    s = yaml.safe_load(open(path))
    errors = []
    for key in ("owner", "attestation", "internal_zone", "allowed_cidrs", "allowed_hosts", "exfil_sink"):
        if not s.get(key):
            errors.append(f"scope: missing {key}")
    nets = []
    for c in s.get("allowed_cidrs", []):
        net = ipaddress.ip_network(str(c), strict=False)
        if not (net.is_private or net.is_loopback or net.is_link_local):
            errors.append(f"scope: {c} is not a private range; public address space is out of bounds for this skill")
        nets.append(net)
    zone = str(s.get("internal_zone", "")).lower()
    for h in s.get("allowed_hosts", []):
        if not str(h).lower().endswith("." + zone):
            errors.append(f"scope: host {h} is outside internal zone {zone}")
    sink_host = str(s.get("exfil_sink", "")).split(":")[0]
    if sink_host and not sink_host.endswith("." + zone):
        errors.append(f"scope: exfil_sink {sink_host} must be inside {zone}")
    return s, nets, errors


def in_scope_ip(ip, nets, forbidden):
    addr = ipaddress.ip_address(ip)
    return str(addr) not in forbidden and any(addr in n for n in nets)


def check_exercise(path, s, nets):
    text = open(path).read()
    zone = s["internal_zone"].lower()
    hosts = {h.lower() for h in s["allowed_hosts"]} | {s["exfil_sink"].split(":")[0].lower()}
    forbidden = {str(f) for f in s.get("forbidden", [])}
    errors = []
    for t in TARGET_RE.findall(text):
        t = t.lower()
        if IP_RE.fullmatch(t):
            if not in_scope_ip(t, nets, forbidden):
                errors.append(f"exercise: target {t} not in allowed CIDRs (or forbidden)")
        elif t not in hosts:
            errors.append(f"exercise: target {t} not in allowed_hosts")
    for ip in set(IP_RE.findall(text)):
        try:
            if not in_scope_ip(ip, nets, forbidden):
                errors.append(f"exercise: address {ip} appears in the plan but is out of scope")
        except ValueError:
            continue
    for host in set(h.lower() for h in HOST_RE.findall(text)):
        if host.split(".")[-1] in FILE_EXT or host in IGNORED:
            continue
        if not (host == zone or host.endswith("." + zone)):
            errors.append(f"exercise: external host {host} referenced; exercises must stay inside {zone}")
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scope")
    ap.add_argument("--exercise")
    a = ap.parse_args()
    s, nets, errors = load_scope(a.scope)
    if a.exercise and not errors:
        errors += check_exercise(a.exercise, s, nets)
    for e in errors:
        print("FAIL", e)
    if errors:
        sys.exit(1)
    print("scope OK" + (f"; {a.exercise} stays in scope" if a.exercise else ""))


if __name__ == "__main__":
    main()
