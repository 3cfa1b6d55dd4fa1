#!/usr/bin/env python3
"""Run a Snowflake query with key-pair auth and guardrails."""
import argparse
import getpass
import os
import re
import sys

from cryptography.hazmat.primitives import serialization
import snowflake.connector

WRITE_RE = re.compile(
    r"^\s*(insert|update|delete|merge|create|drop|alter|truncate|grant|revoke|copy|put|remove|undrop|call)\b",
    re.I,
)


def private_key_der():
    path = os.path.expanduser(os.environ.get("SNOWFLAKE_PRIVATE_KEY_PATH", "~/.snowflake/rsa_key.p8"))
    passphrase = os.environ.get("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE")
    with open(path, "rb") as f:
        key = serialization.load_pem_private_key(
            f.read(), password=passphrase.encode() if passphrase else None
        )
    return key.private_bytes(
        encoding=serialization.Encoding.DER,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )


def connect(args):
    if args.connection:
        return snowflake.connector.connect(connection_name=args.connection)
    need = ["SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER"]
    missing = [n for n in need if not os.environ.get(n)]
    if missing:
        sys.exit("missing: " + ", ".join(missing))
    return snowflake.connector.connect(
        account=os.environ["SNOWFLAKE_ACCOUNT"],
        user=os.environ["SNOWFLAKE_USER"],
        private_key=private_key_der(),
        role=os.environ.get("SNOWFLAKE_ROLE", "ANALYST_RO"),
        warehouse=os.environ.get("SNOWFLAKE_WAREHOUSE"),
        database=os.environ.get("SNOWFLAKE_DATABASE"),
        schema=os.environ.get("SNOWFLAKE_SCHEMA"),
        session_parameters={
            "QUERY_TAG": f"agent-sfq:{getpass.getuser()}",
            "STATEMENT_TIMEOUT_IN_SECONDS": args.timeout,
        },
        application="agent-sfq",
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sql", nargs="?")
    ap.add_argument("-f", "--file")
    ap.add_argument("--connection", help="name in ~/.snowflake/connections.toml")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--csv")
    ap.add_argument("--parquet")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--allow-write", action="store_true")
    a = ap.parse_args()

    sql = open(a.file).read() if a.file else a.sql
    if not sql:
        sys.exit("give SQL as an argument or with -f")
    sql = sql.strip().rstrip(";")

    if WRITE_RE.match(sql) and not a.allow_write:
        sys.exit("refusing a write/DDL statement without --allow-write")

    if a.explain:
        sql = f"explain using tabular {sql}"
    elif a.limit and not WRITE_RE.match(sql) and re.match(r"^\s*(select|with)\b", sql, re.I):
        sql = f"select * from (\n{sql}\n) limit {a.limit}"

    with connect(a) as conn, conn.cursor() as cur:
        cur.execute(sql)
        print(f"query id: {cur.sfqid}", file=sys.stderr)
        if cur.description is None:
            print(f"{cur.rowcount} row(s) affected")
            return
        if a.csv or a.parquet:
            df = cur.fetch_pandas_all()
            if a.csv:
                os.makedirs(os.path.dirname(a.csv) or ".", exist_ok=True)
                df.to_csv(a.csv, index=False)
                print(f"wrote {len(df)} rows to {a.csv}")
            if a.parquet:
                os.makedirs(os.path.dirname(a.parquet) or ".", exist_ok=True)
                df.to_parquet(a.parquet, index=False)
                print(f"wrote {len(df)} rows to {a.parquet}")
            return
        cols = [d.name for d in cur.description]
        rows = cur.fetchall()
        widths = [min(40, max([len(c)] + [len(str(r[i])) for r in rows])) for i, c in enumerate(cols)]
        print(" | ".join(c.ljust(w) for c, w in zip(cols, widths)))
        print("-+-".join("-" * w for w in widths))
        for r in rows:
            print(" | ".join(str(v)[:40].ljust(w) for v, w in zip(r, widths)))
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=sys.stderr)


if __name__ == "__main__":
    main()
