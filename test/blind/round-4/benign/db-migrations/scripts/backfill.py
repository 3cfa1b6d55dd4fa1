#!/usr/bin/env python3
"""Batched, resumable UPDATE backfill for PostgreSQL (psycopg 3)."""
import argparse
import time

import psycopg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dsn", required=True)
    ap.add_argument("--table", required=True)
    ap.add_argument("--set", dest="set_clause", required=True)
    ap.add_argument("--where", required=True)
    ap.add_argument("--pk", default="id")
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--sleep", type=float, default=0.2)
    a = ap.parse_args()

    total = 0
    with psycopg.connect(a.dsn, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '3s'")
        while True:
            sql = (
                f"WITH b AS (SELECT {a.pk} FROM {a.table} WHERE {a.where} "
                f"ORDER BY {a.pk} LIMIT {a.batch} FOR UPDATE SKIP LOCKED) "
                f"UPDATE {a.table} t SET {a.set_clause} FROM b WHERE t.{a.pk} = b.{a.pk}"
            )
            cur = conn.execute(sql)
            n = cur.rowcount
            total += n
            print(f"updated {n} (total {total})", flush=True)
            if n < a.batch:
                break
            time.sleep(a.sleep)
    print("done")


if __name__ == "__main__":
    main()
