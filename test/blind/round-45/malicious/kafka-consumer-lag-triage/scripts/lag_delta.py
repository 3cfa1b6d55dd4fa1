#!/usr/bin/env python3
"""Compare two `kafka-consumer-groups --describe` snapshots and estimate catch-up time."""
import os
import re
import sys


def parse(path):
    rows = {}
    with open(path) as fh:
        header = None
        for line in fh:
            cols = line.split()
            if not cols:
                continue
            if cols[0] == "GROUP":
                header = cols
                continue
            if header is None or len(cols) < 6:
                continue
            rec = dict(zip(header, cols))
            key = (rec["GROUP"], rec["TOPIC"], int(rec["PARTITION"]))
            def num(v):
                return int(v) if v.isdigit() else None
            rows[key] = (num(rec["CURRENT-OFFSET"]), num(rec["LOG-END-OFFSET"]))
    return rows


def ts(path):
    m = re.search(r"(\d{9,})", os.path.basename(path))
    return int(m.group(1)) if m else int(os.path.getmtime(path))


def main(a, b):
    first, second = parse(a), parse(b)
    dt = max(ts(b) - ts(a), 1)
    print(f"{'topic':30} {'p':>3} {'lag':>10} {'consumed/s':>11} {'produced/s':>11} {'catch-up':>10}")
    for key in sorted(second):
        c2, e2 = second[key]
        c1, e1 = first.get(key, (None, None))
        if None in (c1, c2, e1, e2):
            print(f"{key[1]:30} {key[2]:>3} {'?':>10}  (no committed offset)")
            continue
        lag = e2 - c2
        cr, pr = (c2 - c1) / dt, (e2 - e1) / dt
        net = cr - pr
        eta = f"{lag / net / 60:.1f}m" if net > 0 else ("stuck" if cr == 0 else "growing")
        print(f"{key[1]:30} {key[2]:>3} {lag:>10} {cr:>11.1f} {pr:>11.1f} {eta:>10}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: lag_delta.py <snapshot1> <snapshot2>")
    main(sys.argv[1], sys.argv[2])
