#!/usr/bin/env python3
"""Deterministically anonymize fixture files (JSON/JSONL/CSV/YAML cassettes/SQL INSERTs)."""
import argparse
import csv
import hashlib
import hmac
import io
import json
import os
import re
import sys
import uuid
from collections import Counter
from pathlib import Path

import yaml

KEY = os.environ.get("FIXTURE_ANON_KEY", "").encode()
FIRST = ["Alex", "Sam", "Robin", "Kim", "Jo", "Ari", "Noor", "Lee", "Mika", "Dana", "Remy", "Sasha"]
LAST = ["Rivera", "Okafor", "Nakamura", "Silva", "Novak", "Haddad", "Larsen", "Moreau", "Kowalski", "Reyes"]
STREETS = ["Maple St", "Station Rd", "Harbour Way", "Linden Ave", "Mill Lane", "Park Row"]
SENSITIVE_HEADERS = {"authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token", "proxy-authorization"}
SENSITIVE_QUERY = re.compile(r"([?&](?:[^=&]*(?:token|key|signature|secret|password)[^=&]*)=)[^&\s\"]*", re.I)
DETECTORS = [
    ("jwt", re.compile(r"\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}\b"), lambda m: "REDACTED_JWT"),
    ("bearer", re.compile(r"(?i)\bbearer\s+[\w.~+/=-]{8,}"), lambda m: "Bearer REDACTED_TOKEN"),
    ("aws_key", re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b"), lambda m: "REDACTED_AWS_KEY"),
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"), lambda m: fake("email", m.group(0))),
    ("card", re.compile(r"\b(?:\d[ -]?){13,19}\b"), lambda m: fake("card", m.group(0)) if luhn(m.group(0)) else m.group(0)),
    ("ipv4", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), lambda m: fake("ip", m.group(0))),
    ("phone", re.compile(r"(?<![\w.])\+\d[\d ()-]{7,}\d\b"), lambda m: fake("phone", m.group(0))),
]
stats = Counter()


def h(kind, value, n=8):
    return hmac.new(KEY, f"{kind}:{value}".encode(), hashlib.sha256).digest()[:n]


def pick(kind, value, seq):
    return seq[int.from_bytes(h(kind, value), "big") % len(seq)]


def luhn(s):
    d = [int(c) for c in re.sub(r"\D", "", s)][::-1]
    return len(d) >= 13 and sum(d[0::2] + [sum(divmod(2 * x, 10)) for x in d[1::2]]) % 10 == 0


def fake(kind, value):
    stats[kind] += 1
    v = str(value)
    if kind == "email":
        return f"user{int.from_bytes(h(kind, v.lower()), 'big') % 10**6:06d}@example.com"
    if kind == "phone":
        digits = re.sub(r"\D", "", v)
        tail = str(int.from_bytes(h(kind, v), "big"))[-max(len(digits) - 4, 4):]
        return "+" + digits[:2] + tail.zfill(len(digits) - 2)
    if kind == "first_name":
        return pick(kind, v, FIRST)
    if kind == "last_name":
        return pick(kind, v, LAST)
    if kind == "full_name":
        return f"{pick('first_name', v, FIRST)} {pick('last_name', v, LAST)}"
    if kind == "street":
        return f"{int.from_bytes(h(kind, v), 'big') % 200 + 1} {pick(kind, v, STREETS)}"
    if kind == "ip":
        b = h(kind, v, 2)
        return f"203.0.113.{b[0] % 254 + 1}"  # TEST-NET-3
    if kind == "card":
        return "4242 4242 4242 4242"
    if kind == "digits":
        return "".join(str(b % 10) for b in h(kind, v, len(v)))
    if kind == "id":
        try:
            uuid.UUID(v)
            return str(uuid.UUID(bytes=h(kind, v, 16), version=4))
        except ValueError:
            return v if not v.isdigit() else str(int.from_bytes(h(kind, v), "big") % 10 ** len(v)).zfill(len(v))
    if kind == "iban":
        return "GB82WEST12345698765432"  # documented example IBAN with valid checksum
    if kind == "free_text":
        return ("lorem ipsum dolor sit amet " * (len(v) // 27 + 1))[: len(v)]
    if kind == "redact":
        return "REDACTED"
    return v


def scrub_string(s):
    s = SENSITIVE_QUERY.sub(r"\1REDACTED", s)
    for _, rx, repl in DETECTORS:
        s = rx.sub(repl, s)
    return s


def walk(obj, rules, path="", keep_free=False):
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            p = f"{path}.{k}" if path else str(k)
            if str(k).lower() in SENSITIVE_HEADERS:
                stats["header"] += 1
                out[k] = ["REDACTED"] if isinstance(v, list) else "REDACTED"
                continue
            kind = rules.get(p) or rules.get(str(k))
            if kind == "keep" or (kind == "free_text" and keep_free):
                out[k] = v
            elif kind and not isinstance(v, (dict, list)) and v is not None:
                out[k] = fake(kind, v)
            else:
                out[k] = walk(v, rules, p, keep_free)
        return out
    if isinstance(obj, list):
        return [walk(x, rules, path, keep_free) for x in obj]
    if isinstance(obj, str):
        return scrub_string(obj)
    return obj


def process(src, dst, rules, keep_free):
    text = src.read_text(encoding="utf-8")
    if src.suffix == ".json":
        out = json.dumps(walk(json.loads(text), rules, keep_free=keep_free), indent=2, ensure_ascii=False)
    elif src.suffix == ".jsonl":
        out = "\n".join(json.dumps(walk(json.loads(l), rules, keep_free=keep_free), ensure_ascii=False)
                        for l in text.splitlines() if l.strip())
    elif src.suffix in (".yaml", ".yml"):
        out = yaml.safe_dump(walk(yaml.safe_load(text), rules, keep_free=keep_free), sort_keys=False, allow_unicode=True)
    elif src.suffix == ".csv":
        rows = [walk(r, rules, keep_free=keep_free) for r in csv.DictReader(io.StringIO(text))]
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
        out = buf.getvalue()
    elif src.suffix == ".sql":
        out = re.sub(r"'((?:[^']|'')*)'", lambda m: "'" + scrub_string(m.group(1)) + "'", text)
    else:
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(out if out.endswith("\n") else out + "\n", encoding="utf-8")
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--rules", type=Path)
    ap.add_argument("--keep-free-text", action="store_true")
    a = ap.parse_args()
    if len(KEY) < 16:
        sys.exit("set FIXTURE_ANON_KEY (≥16 chars) in the environment; it is never written to output")
    rules = {str(k): v for k, v in (yaml.safe_load(a.rules.read_text()) if a.rules else {}).items()}
    files = [a.src] if a.src.is_file() else [p for p in sorted(a.src.rglob("*")) if p.is_file()]
    done = 0
    for f in files:
        rel = f.name if a.src.is_file() else f.relative_to(a.src)
        done += process(f, a.out / rel, rules, a.keep_free_text)
    report = [f"files anonymized: {done}"] + [f"{k}: {v}" for k, v in stats.most_common()]
    free = [k for k, v in rules.items() if v == "free_text"]
    if free:
        report.append(f"free-text fields {'kept' if a.keep_free_text else 'replaced'}: {', '.join(free)}")
    (a.out / "anonymize-report.txt").write_text("\n".join(report) + "\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
