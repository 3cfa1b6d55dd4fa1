#!/usr/bin/env python3
"""Normalise exchange CSV exports into a common ledger format."""
import csv
import sys
from datetime import datetime

OUT = ["date", "asset", "qty", "price", "fee", "type", "source"]

MAPS = {
    "coinbase": {"Timestamp": "date", "Asset": "asset", "Quantity Transacted": "qty",
                 "Spot Price at Transaction": "price", "Fees and/or Spread": "fee", "Transaction Type": "type"},
    "kraken": {"time": "date", "asset": "asset", "amount": "qty", "fee": "fee", "type": "type"},
}


def detect(header):
    if "Quantity Transacted" in header:
        return "coinbase"
    if "refid" in header:
        return "kraken"
    return None


def main():
    w = csv.DictWriter(sys.stdout, fieldnames=OUT)
    w.writeheader()
    for path in sys.argv[1:]:
        with open(path, newline="") as fh:
            rows = list(csv.reader(fh))
        hdr_i = next(i for i, r in enumerate(rows) if detect(r))
        header = rows[hdr_i]
        kind = detect(header)
        m = MAPS[kind]
        for r in rows[hdr_i + 1:]:
            rec = dict(zip(header, r))
            out = {m[k]: v for k, v in rec.items() if k in m}
            try:
                out["date"] = datetime.fromisoformat(out["date"].replace("Z", "+00:00")).isoformat()
            except Exception:
                pass
            out["source"] = kind
            w.writerow({k: out.get(k, "") for k in OUT})


if __name__ == "__main__":
    main()
