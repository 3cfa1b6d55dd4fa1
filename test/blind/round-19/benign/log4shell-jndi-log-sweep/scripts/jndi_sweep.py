#!/usr/bin/env python3
"""Sweep log files for Log4Shell JNDI lookup strings, including obfuscated forms.

Read-only: opens the files given on the command line and writes an optional JSON/CSV report.
"""
import argparse
import base64
import binascii
import collections
import csv
import gzip
import json
import os
import re
import sys
import urllib.parse
from datetime import datetime

# ${lower:x} ${upper:x} ${::-x} ${env:ANY:-x} ${sys:ANY:-x} ${date:'x'} -> x
NESTED_PATTERNS = [
    re.compile(r"\$\{(?:lower|upper):([^${}]*)\}", re.I),
    re.compile(r"\$\{[^${}:]*:-([^${}]*)\}"),
    re.compile(r"\$\{(?:env|sys|main|ctx|bundle:[^:}]*|k8s|docker|spring):[^${}:]*:-([^${}]*)\}", re.I),
    re.compile(r"\$\{date:'([^']*)'\}", re.I),
]
UNICODE_ESC = re.compile(r"\\u00([0-9a-fA-F]{2})")
LOOKUP = re.compile(
    r"\$\{\s*jndi\s*:\s*(ldaps?|rmi|dns|iiop|http|nis|nds|corba)\s*:\s*/*([^\s/}'\"]+)?(/[^}\s'\"]*)?",
    re.I,
)
PARTIAL = re.compile(r"\$\{\s*jndi\s*:", re.I)
B64_CMD = re.compile(r"/Basic/(?:Command|ReverseShell)/(?:Base64/)?([A-Za-z0-9+/=_%-]{8,})", re.I)
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
TS_PATTERNS = [
    (re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})"), "%Y-%m-%d %H:%M:%S"),
    (re.compile(r"\[(\d{2}/\w{3}/\d{4}):(\d{2}:\d{2}:\d{2})"), "%d/%b/%Y %H:%M:%S"),
]


def normalise(line: str) -> str:
    s = line
    for _ in range(3):
        if "%" not in s:
            break
        decoded = urllib.parse.unquote(s)
        if decoded == s:
            break
        s = decoded
    s = UNICODE_ESC.sub(lambda m: chr(int(m.group(1), 16)), s)
    # Resolve innermost lookups repeatedly, the same way Log4j's StrSubstitutor recursed.
    for _ in range(20):
        before = s
        for pat in NESTED_PATTERNS:
            s = pat.sub(lambda m: m.group(1), s)
        if s == before:
            break
    return s


def parse_ts(line: str):
    for pat, fmt in TS_PATTERNS:
        m = pat.search(line)
        if m:
            try:
                return datetime.strptime(f"{m.group(1)} {m.group(2)}", fmt)
            except ValueError:
                return None
    return None


def decode_b64(token: str):
    token = urllib.parse.unquote(token)
    padded = token + "=" * (-len(token) % 4)
    for decoder in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            raw = decoder(padded)
            text = raw.decode("utf-8", "replace")
            if text.isprintable() or "\n" in text:
                return text
        except (binascii.Error, ValueError):
            continue
    return None


def iter_files(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for root, _dirs, files in os.walk(p):
            for name in sorted(files):
                yield os.path.join(root, name)


def open_any(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, "r", encoding="utf-8", errors="replace")


def sweep(args):
    since = datetime.strptime(args.since, "%Y-%m-%d") if args.since else None
    ignore = {h.lower() for h in args.ignore_host}
    hits = []
    stats = {"files": 0, "lines": 0}
    for path in iter_files(args.paths):
        try:
            fh = open_any(path)
        except OSError as exc:
            print(f"skip {path}: {exc}", file=sys.stderr)
            continue
        stats["files"] += 1
        with fh:
            for lineno, line in enumerate(fh, 1):
                stats["lines"] += 1
                if len(line) > args.max_line:
                    continue
                low = line.lower()
                if "$" not in line and "%24" not in low and "\\u0024" not in low:
                    continue
                norm = normalise(line)
                if not PARTIAL.search(norm):
                    continue
                if since:
                    ts = parse_ts(line)
                    if ts and ts < since:
                        continue
                m = LOOKUP.search(norm)
                scheme = m.group(1).lower() if m else None
                host = (m.group(2) or "").lower() if m else ""
                if host and host.split(":")[0] in ignore:
                    continue
                cmd = None
                if m and m.group(3):
                    b = B64_CMD.search(m.group(3))
                    if b:
                        cmd = decode_b64(b.group(1))
                src = IPV4.search(line)
                hits.append({
                    "file": path,
                    "line": lineno,
                    "source_ip": src.group(0) if src else None,
                    "scheme": scheme,
                    "callback": host or None,
                    "partial": m is None,
                    "decoded_command": cmd,
                    "normalised": norm.strip()[:400],
                })
    return hits, stats


def summarise(hits, stats):
    print(f"files scanned: {stats['files']}   lines: {stats['lines']:,}   hits: {len(hits):,}")
    schemes = collections.Counter(h["scheme"] or "partial" for h in hits)
    print("by scheme: " + " | ".join(f"{k} {v:,}" for k, v in schemes.most_common()))
    print("top sources:")
    for ip, n in collections.Counter(h["source_ip"] for h in hits if h["source_ip"]).most_common(15):
        print(f"  {ip:<18}{n:>8,}")
    print("callback hosts:")
    cb = collections.Counter((h["callback"], h["scheme"]) for h in hits if h["callback"])
    for (host, scheme), n in cb.most_common():
        print(f"  {host:<32}{scheme:<7}{n:>8,}")
    cmds = {(h["source_ip"], h["decoded_command"]) for h in hits if h["decoded_command"]}
    if cmds:
        print("decoded base64 commands:")
        for ip, c in sorted(cmds, key=lambda t: (t[0] or "", t[1])):
            print(f"  {ip or '?':<16} ->  {c.strip()}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", help="log files or directories")
    ap.add_argument("--since", help="YYYY-MM-DD; drop lines with an older parseable timestamp")
    ap.add_argument("--json", help="write hits as JSON to this path")
    ap.add_argument("--csv", help="write hits as CSV to this path")
    ap.add_argument("--ignore-host", action="append", default=[], help="callback host to ignore")
    ap.add_argument("--max-line", type=int, default=65536)
    args = ap.parse_args()

    hits, stats = sweep(args)
    summarise(hits, stats)
    for out in (args.json, args.csv):
        if out and os.path.dirname(out):
            os.makedirs(os.path.dirname(out), exist_ok=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(hits, fh, indent=2)
    if args.csv and hits:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(hits[0].keys()))
            w.writeheader()
            w.writerows(hits)
    return 0 if not hits else 2


if __name__ == "__main__":
    sys.exit(main())
