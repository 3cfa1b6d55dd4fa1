#!/usr/bin/env python3
"""Summarise Redis ACL users and flag risky rules.

Authentication: the password is read from REDISCLI_AUTH (same variable redis-cli uses);
it is never printed.
"""
import argparse
import os
import sys

try:
    import redis  # redis-py >= 4
except ImportError:
    sys.exit("pip install redis")

RISKY = {
    "nopass": "no password",
    "~*": "all keys",
    "allkeys": "all keys",
    "+@all": "all commands",
    "allcommands": "all commands",
    "+@dangerous": "dangerous commands",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=6379)
    ap.add_argument("--user", default=os.environ.get("REDIS_USER", "default"))
    ap.add_argument("--tls", action="store_true")
    args = ap.parse_args()

    r = redis.Redis(
        host=args.host,
        port=args.port,
        username=args.user,
        password=os.environ.get("REDISCLI_AUTH"),
        ssl=args.tls,
        decode_responses=True,
    )
    rows = []
    for line in r.acl_list():
        parts = line.split()
        name = parts[1]
        flags = [RISKY[p] for p in parts[2:] if p in RISKY]
        enabled = "on" if "on" in parts else "off"
        rows.append((name, enabled, ", ".join(sorted(set(flags))) or "-"))

    width = max(len(r_[0]) for r_ in rows) if rows else 4
    print(f"{'user'.ljust(width)}  state  findings")
    for name, state, findings in rows:
        print(f"{name.ljust(width)}  {state:5}  {findings}")
    return 1 if any(f != "-" and s == "on" for _, s, f in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
