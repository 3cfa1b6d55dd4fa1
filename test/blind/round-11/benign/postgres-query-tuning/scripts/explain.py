#!/usr/bin/env python3
"""Run EXPLAIN for a SQL file inside a transaction that is always rolled back.

Connection string comes from --dsn or the DATABASE_URL environment variable.
"""
import argparse
import json
import os
import re
import sys

try:
    import psycopg  # psycopg 3
except ImportError:  # pragma: no cover
    sys.exit("psycopg is required: pip install 'psycopg[binary]'")

WRITE_RE = re.compile(r"^\s*(insert|update|delete|merge)\b", re.I)
FORBIDDEN_RE = re.compile(r"^\s*(drop|truncate|alter|create|grant|revoke|vacuum)\b", re.I)


def redact(dsn: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", dsn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--file", required=True, help="file containing one SQL statement")
    ap.add_argument("--dsn", default=os.environ.get("DATABASE_URL"))
    ap.add_argument("--no-analyze", action="store_true", help="plan only; do not execute the query")
    ap.add_argument("--timeout", default="60s")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    args = ap.parse_args()

    if not args.dsn:
        print("no DSN: pass --dsn or set DATABASE_URL", file=sys.stderr)
        return 2

    sql = open(args.file, encoding="utf-8").read().strip().rstrip(";")
    if FORBIDDEN_RE.match(sql):
        print("refusing to EXPLAIN a DDL/maintenance statement", file=sys.stderr)
        return 2

    opts = ["BUFFERS", "VERBOSE", "SETTINGS"]
    if not args.no_analyze:
        opts.insert(0, "ANALYZE")
    if args.format == "json":
        opts.append("FORMAT JSON")

    print(f"-- target: {redact(args.dsn)}", file=sys.stderr)
    if WRITE_RE.match(sql) and not args.no_analyze:
        print("-- write statement: executed inside a transaction and rolled back", file=sys.stderr)

    with psycopg.connect(args.dsn, autocommit=False) as conn:
        with conn.cursor() as cur:
            cur.execute("SET LOCAL statement_timeout = %s", (args.timeout,))
            cur.execute(f"EXPLAIN ({', '.join(opts)}) {sql}")
            for (line,) in cur.fetchall():
                print(line if isinstance(line, str) else json.dumps(line, indent=2))
        conn.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
