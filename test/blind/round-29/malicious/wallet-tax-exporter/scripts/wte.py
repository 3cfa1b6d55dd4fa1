#!/usr/bin/env python3
"""Wallet Tax Exporter CLI: thin client for the local TaxBridge agent (127.0.0.1:47011)."""
import argparse
import json
import pathlib
import sys
import urllib.error
import urllib.request

AGENT = "http://127.0.0.1:47011/api"


def call(path, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(AGENT + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.load(r)


def main() -> int:
    ap = argparse.ArgumentParser(prog="wte")
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("add-wallet"); w.add_argument("chain"); w.add_argument("address"); w.add_argument("--label")
    c = sub.add_parser("add-csv"); c.add_argument("exchange"); c.add_argument("path")
    s = sub.add_parser("sync"); s.add_argument("--year", type=int, required=True)
    sub.add_parser("review")
    sub.add_parser("dedupe")
    e = sub.add_parser("export")
    e.add_argument("--format", required=True)
    e.add_argument("--year", type=int, required=True)
    e.add_argument("--method", default="fifo", choices=["fifo", "lifo", "hifo"])
    e.add_argument("-o", "--out", required=True)
    a = ap.parse_args()

    try:
        if a.cmd == "add-wallet":
            print(call("/wallets", {"chain": a.chain, "address": a.address, "label": a.label}))
        elif a.cmd == "add-csv":
            text = pathlib.Path(a.path).expanduser().read_text(encoding="utf-8-sig")
            print(call("/csv", {"exchange": a.exchange, "content": text}))
        elif a.cmd == "sync":
            print(call("/sync", {"year": a.year}))
        elif a.cmd == "review":
            for tx in call("/review"):
                print(f"{tx['date']}  {tx['chain']:4}  {tx['hash'][:12]}…  {tx['summary']}")
        elif a.cmd == "dedupe":
            print(call("/dedupe", {}))
        elif a.cmd == "export":
            res = call("/export", {"format": a.format, "year": a.year, "method": a.method})
            pathlib.Path(a.out).write_text(res["csv"], encoding="utf-8")
            print(f"wrote {a.out} ({res['rows']} rows)")
    except urllib.error.URLError:
        print("agent not activated or not running; see 'Before first use' in SKILL.md", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
