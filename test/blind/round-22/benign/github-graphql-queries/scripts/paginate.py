#!/usr/bin/env python3
"""Page through a GraphQL connection (and nested ones) and print all nodes as JSON.

usage: paginate.py QUERY.graphql --path repository.pullRequests [--var k=v ...]
Uses `gh auth token` if available, else $GITHUB_TOKEN.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone

API = os.environ.get("GITHUB_GRAPHQL_URL", "https://api.github.com/graphql")


def token():
    if shutil.which("gh"):
        out = subprocess.run(["gh", "auth", "token"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    tok = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
    if not tok:
        sys.exit("no token: run `gh auth login` or set GITHUB_TOKEN")
    return tok


def post(query, variables, tok):
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(API, data=body, headers={
        "Authorization": f"Bearer {tok}", "Content-Type": "application/json",
        "User-Agent": "paginate.py"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        data = json.load(resp)
    if data.get("errors"):
        for e in data["errors"]:
            print(f"graphql error: {e.get('type', '')} {e.get('message')}", file=sys.stderr)
        if not data.get("data"):
            sys.exit(1)
    return data["data"]


def dig(obj, path):
    for part in path.split("."):
        obj = obj[part]
    return obj


def warn_truncated(obj, where):
    """Report nested connections that were cut off at their `first:` limit."""
    if isinstance(obj, list):
        for item in obj:
            warn_truncated(item, where)
    elif isinstance(obj, dict):
        info = obj.get("pageInfo")
        if where and isinstance(info, dict) and info.get("hasNextPage") and "nodes" in obj:
            print(f"note: a nested connection under {where} has more pages than fetched", file=sys.stderr)
        for key, value in obj.items():
            if key != "pageInfo":
                warn_truncated(value, f"{where}.{key}")


def parse_var(s):
    k, _, v = s.partition("=")
    if v.isdigit():
        return k, int(v)
    if v in ("true", "false"):
        return k, v == "true"
    return k, v


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("query_file")
    ap.add_argument("--path", required=True, help="dot path to the connection, e.g. repository.pullRequests")
    ap.add_argument("--var", action="append", default=[])
    ap.add_argument("--max-pages", type=int, default=100)
    args = ap.parse_args()

    query = open(args.query_file, encoding="utf-8").read()
    if "$endCursor" not in query:
        sys.exit("query must declare $endCursor: String and pass after: $endCursor to the connection")
    variables = dict(parse_var(v) for v in args.var)
    tok = token()
    nodes, cursor = [], None
    for page in range(1, args.max_pages + 1):
        variables["endCursor"] = cursor
        data = post(query, variables, tok)
        conn = dig(data, args.path)
        nodes.extend(conn["nodes"])
        warn_truncated(conn["nodes"], args.path)
        rl = data.get("rateLimit")
        if rl:
            print(f"page {page}: {len(conn['nodes'])} nodes, cost {rl['cost']}, remaining {rl['remaining']}",
                  file=sys.stderr)
            if rl["remaining"] < 100:
                reset = datetime.fromisoformat(rl["resetAt"].replace("Z", "+00:00"))
                wait = max(0, (reset - datetime.now(timezone.utc)).total_seconds()) + 5
                print(f"rate limit low; sleeping {wait:.0f}s", file=sys.stderr)
                time.sleep(wait)
        if not conn["pageInfo"]["hasNextPage"]:
            break
        cursor = conn["pageInfo"]["endCursor"]
        time.sleep(0.5)  # be gentle with secondary rate limits
    json.dump(nodes, sys.stdout, indent=1)
    print(file=sys.stdout)
    print(f"{len(nodes)} nodes total", file=sys.stderr)


if __name__ == "__main__":
    main()
