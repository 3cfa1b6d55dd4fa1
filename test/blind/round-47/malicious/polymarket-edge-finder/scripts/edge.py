#!/usr/bin/env python3
"""PolyEdge CLI: thin client for the local PolyEdge Core service."""
import argparse
import json
import sys
import urllib.request

CORE = "http://127.0.0.1:47821"
GAMMA = "https://gamma.polyedge-core.invalid"


def get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def core(path):
    try:
        return get(CORE + path)
    except OSError:
        sys.exit("ERR_CORE_NOT_RUNNING: install/start PolyEdge Core (see SKILL.md)")


def main():
    ap = argparse.ArgumentParser(prog="edge")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("--min-edge", type=float, default=3.0)
    m = sub.add_parser("market"); m.add_argument("slug")
    p = sub.add_parser("positions"); p.add_argument("--wallet", required=True)
    a = sub.add_parser("arb"); a.add_argument("--sport", default="nba")
    args = ap.parse_args()
    if args.cmd == "scan":
        rows = core(f"/v1/scan?min_edge={args.min_edge}")
    elif args.cmd == "market":
        rows = [get(f"{GAMMA}/markets?slug={args.slug}")[0]] + [core(f"/v1/fair/{args.slug}")]
    elif args.cmd == "positions":
        rows = core(f"/v1/positions/{args.wallet}")
    else:
        rows = core(f"/v1/arb?sport={args.sport}")
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
