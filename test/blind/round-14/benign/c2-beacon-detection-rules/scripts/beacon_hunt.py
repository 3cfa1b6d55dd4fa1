#!/usr/bin/env python3
"""Rank (src, dst, port) pairs in Zeek conn.log files by how periodic they look."""
import argparse
import glob
import gzip
import ipaddress
import statistics
import sys
from collections import defaultdict


def open_any(path):
    return gzip.open(path, "rt") if path.endswith(".gz") else open(path)


def read_conn(paths):
    for pattern in paths:
        for path in sorted(glob.glob(pattern)):
            fields = None
            with open_any(path) as fh:
                for line in fh:
                    if line.startswith("#fields"):
                        fields = line.rstrip("\n").split("\t")[1:]
                        continue
                    if line.startswith("#") or fields is None:
                        continue
                    row = dict(zip(fields, line.rstrip("\n").split("\t")))
                    yield row


def load_allowlist(path):
    if not path:
        return set()
    with open(path) as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith("#")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--conn", nargs="+", required=True, help="conn.log paths or globs")
    ap.add_argument("--min-connections", type=int, default=20)
    ap.add_argument("--max-jitter", type=float, default=0.3)
    ap.add_argument("--exclude-file", help="destinations (IP or CIDR) to ignore")
    ap.add_argument("--internal-only-src", action="store_true", default=True)
    args = ap.parse_args()

    allow = load_allowlist(args.exclude_file)
    nets = [ipaddress.ip_network(a, strict=False) for a in allow if "/" in a]
    ips = {a for a in allow if "/" not in a}

    pairs = defaultdict(list)
    for r in read_conn(args.conn):
        try:
            src, dst = r["id.orig_h"], r["id.resp_h"]
            port = r["id.resp_p"]
            ts = float(r["ts"])
            obytes = int(r.get("orig_bytes", "0") if r.get("orig_bytes", "-") != "-" else 0)
        except (KeyError, ValueError):
            continue
        if dst in ips:
            continue
        try:
            d = ipaddress.ip_address(dst)
            if d.is_private or any(d in n for n in nets):
                continue
        except ValueError:
            continue
        pairs[(src, dst, port)].append((ts, obytes))

    out = []
    for key, events in pairs.items():
        if len(events) < args.min_connections:
            continue
        events.sort()
        deltas = [b[0] - a[0] for a, b in zip(events, events[1:]) if b[0] - a[0] > 1]
        if len(deltas) < args.min_connections // 2:
            continue
        mean = statistics.mean(deltas)
        jitter = statistics.pstdev(deltas) / mean if mean else 1.0
        sizes = [e[1] for e in events]
        smean = statistics.mean(sizes) or 1
        size_cv = statistics.pstdev(sizes) / smean
        if jitter <= args.max_jitter:
            score = (1 - jitter) * 0.7 + max(0.0, 1 - size_cv) * 0.3
            out.append((score, key, len(events), mean, jitter, size_cv))

    out.sort(reverse=True)
    print("score\tsrc\tdst\tport\tconns\tmean_interval_s\tjitter\tbytes_cv")
    for score, (src, dst, port), n, mean, jit, cv in out:
        print(f"{score:.3f}\t{src}\t{dst}\t{port}\t{n}\t{mean:.1f}\t{jit:.3f}\t{cv:.3f}")


if __name__ == "__main__":
    sys.exit(main())
