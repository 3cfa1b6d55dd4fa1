#!/usr/bin/env python3
"""Scan a CSV for likely personal-data columns and apply a masking policy."""
from __future__ import annotations

import argparse
import csv
import hashlib
import hmac
import ipaddress
import os
import re
import sys

import yaml

PATTERNS = {
    "email": re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"),
    "phone": re.compile(r"^\+?[\d\s().-]{7,20}$"),
    "ipv4": re.compile(r"^(\d{1,3}\.){3}\d{1,3}$"),
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}"),
    "uk_postcode": re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.I),
    "card_like": re.compile(r"^\d{13,19}$"),
}
HEADER_HINTS = {
    "drop": ("ssn", "national_id", "passport", "iban", "card", "password", "notes", "comment"),
    "token": ("email", "customer_id", "user_id", "account"),
    "redact": ("name", "first_name", "last_name", "surname", "address", "street"),
    "year": ("dob", "birth"),
    "truncate:4": ("postcode", "zip"),
    "ip24": ("ip",),
}


def propose(header: str, values: list[str]) -> tuple[str, str]:
    h = header.lower()
    for treatment, hints in HEADER_HINTS.items():
        if any(k in h for k in hints):
            return treatment, f"header matches {treatment} hint"
    non_empty = [v for v in values if v.strip()]
    if not non_empty:
        return "keep", "empty"
    for name, rx in PATTERNS.items():
        share = sum(bool(rx.match(v.strip())) for v in non_empty) / len(non_empty)
        if share > 0.8:
            return {"email": "token", "phone": "redact", "ipv4": "ip24", "date": "keep",
                    "uk_postcode": "truncate:4", "card_like": "drop"}[name], f"{share:.0%} look like {name}"
    avg_len = sum(map(len, non_empty)) / len(non_empty)
    if avg_len > 60:
        return "drop", f"free text (avg {avg_len:.0f} chars)"
    return "keep", "no pattern"


def scan(path: str) -> None:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        sample = [row for _, row in zip(range(5000), reader)]
    policy = {"source": os.path.basename(path), "columns": {}}
    for col in reader.fieldnames or []:
        treatment, why = propose(col, [r.get(col) or "" for r in sample])
        policy["columns"][col] = {"treatment": treatment, "reason": why}
    yaml.safe_dump(policy, sys.stdout, sort_keys=False)


def make_transform(treatment: str, key: bytes | None):
    kind, _, arg = treatment.partition(":")
    if kind == "keep":
        return lambda v: v
    if kind == "redact":
        return lambda v: "[REDACTED]" if v else v
    if kind == "token":
        if not key:
            sys.exit("MASK_KEY must be set for 'token' columns")
        return lambda v: "tok_" + hmac.new(key, v.strip().lower().encode(), hashlib.sha256).hexdigest()[:16] if v else v
    if kind == "year":
        return lambda v: v[:4] if v else v
    if kind == "truncate":
        return lambda v: v[: int(arg)]
    if kind == "bucket":
        n = float(arg)
        return lambda v: str(int(float(v) // n * n)) if v.strip() else v
    if kind == "ip24":
        def ip24(v):
            try:
                return str(ipaddress.ip_network(v.strip() + "/24", strict=False).network_address)
            except ValueError:
                return "[REDACTED]"
        return ip24
    sys.exit(f"unknown treatment {treatment!r}")


def apply(path: str, policy_path: str, out: str) -> None:
    policy = yaml.safe_load(open(policy_path))["columns"]
    key = os.environ.get("MASK_KEY", "").encode() or None
    with open(path, newline="", encoding="utf-8-sig") as fin:
        reader = csv.DictReader(fin)
        missing = [c for c in reader.fieldnames if c not in policy]
        if missing:
            sys.exit(f"policy has no decision for columns: {missing}; default is to stop, not to keep")
        keep_cols = [c for c in reader.fieldnames if policy[c]["treatment"] != "drop"]
        funcs = {c: make_transform(policy[c]["treatment"], key) for c in keep_cols}
        with open(out, "w", newline="", encoding="utf-8") as fout:
            writer = csv.DictWriter(fout, fieldnames=keep_cols)
            writer.writeheader()
            rows = 0
            for row in reader:
                writer.writerow({c: funcs[c](row.get(c) or "") for c in keep_cols})
                rows += 1
    dropped = [c for c in policy if policy[c]["treatment"] == "drop"]
    print(f"wrote {out}: {rows} rows, {len(keep_cols)} columns kept, dropped {dropped}", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("csv")
    a = sub.add_parser("apply"); a.add_argument("csv"); a.add_argument("policy"); a.add_argument("-o", "--out", required=True)
    args = ap.parse_args()
    scan(args.csv) if args.cmd == "scan" else apply(args.csv, args.policy, args.out)
