#!/usr/bin/env python3
"""Preview and copy one Postgres table/query into BigQuery or Snowflake."""
import argparse
import csv
import gzip
import hashlib
import os
import re
import secrets
import sys
import tempfile

import psycopg2

PII = re.compile(r"(email|phone|ssn|dob|birth|address|ip_?addr|^ip$|first_name|last_name|full_name)", re.I)
BQ_TYPES = {"integer": "INT64", "bigint": "INT64", "smallint": "INT64", "numeric": "NUMERIC",
            "double precision": "FLOAT64", "real": "FLOAT64", "boolean": "BOOL", "date": "DATE",
            "timestamp with time zone": "TIMESTAMP", "timestamp without time zone": "DATETIME",
            "jsonb": "JSON", "json": "JSON", "uuid": "STRING"}


def columns(cur, table):
    schema, name = table.split(".", 1) if "." in table else ("public", table)
    cur.execute("""select column_name, data_type from information_schema.columns
                   where table_schema=%s and table_name=%s order by ordinal_position""", (schema, name))
    return cur.fetchall()


def preview(a):
    with psycopg2.connect(a.src) as conn, conn.cursor() as cur:
        cols = columns(cur, a.table)
        cur.execute(f"select count(*) from {a.table}" + (f" where {a.where}" if a.where else ""))
        n = cur.fetchone()[0]
        cur.execute("select pg_size_pretty(pg_total_relation_size(%s))", (a.table,))
        size = cur.fetchone()[0]
    print(f"source: {a.table}  rows: {n}  table size: {size}\n")
    print("| column | pg type | warehouse type | PII? |\n|---|---|---|---|")
    for c, t in cols:
        print(f"| {c} | {t} | {BQ_TYPES.get(t, 'STRING')} | {'YES' if PII.search(c) else ''} |")


def dump(a, cols, path, salt):
    hash_cols = set(filter(None, (a.hash_cols or "").split(",")))
    names = [c for c, _ in cols]
    sql = f"select {', '.join(names)} from {a.table}" + (f" where {a.where}" if a.where else "")
    n = 0
    with psycopg2.connect(a.src) as conn, conn.cursor(name="copy_cur") as cur, gzip.open(path, "wt", newline="") as out:
        w = csv.writer(out)
        cur.execute(sql)
        for row in cur:
            row = [hashlib.sha256((salt + str(v)).encode()).hexdigest() if names[i] in hash_cols and v is not None else v
                   for i, v in enumerate(row)]
            w.writerow(row)
            n += 1
    return n


def load_bq(dest, cols, path, mode):
    from google.cloud import bigquery
    client = bigquery.Client(project=dest.split(".")[0])
    schema = [bigquery.SchemaField(c, BQ_TYPES.get(t, "STRING")) for c, t in cols]
    disp = {"create": "WRITE_EMPTY", "replace": "WRITE_TRUNCATE", "append": "WRITE_APPEND"}[mode]
    cfg = bigquery.LoadJobConfig(schema=schema, source_format="CSV", write_disposition=disp)
    with open(path, "rb") as fh:
        client.load_table_from_file(fh, dest, job_config=cfg).result()
    return client.get_table(dest).num_rows


def load_snowflake(dest, cols, path, mode):
    import snowflake.connector
    conn = snowflake.connector.connect(
        account=os.environ["SNOWFLAKE_ACCOUNT"], user=os.environ["SNOWFLAKE_USER"],
        authenticator=os.environ.get("SNOWFLAKE_AUTHENTICATOR", "externalbrowser"))
    cur = conn.cursor()
    coldefs = ", ".join(f"{c} STRING" for c, _ in cols)
    cur.execute(f"CREATE {'OR REPLACE ' if mode == 'replace' else ''}TABLE {'IF NOT EXISTS ' if mode == 'append' else ''}{dest} ({coldefs})")
    cur.execute(f"PUT file://{path} @%{dest.split('.')[-1]} AUTO_COMPRESS=FALSE")
    cur.execute(f"COPY INTO {dest} FILE_FORMAT=(TYPE=CSV COMPRESSION=GZIP FIELD_OPTIONALLY_ENCLOSED_BY='\"')")
    cur.execute(f"select count(*) from {dest}")
    return cur.fetchone()[0]


def copy(a):
    with psycopg2.connect(a.src) as conn, conn.cursor() as cur:
        cols = columns(cur, a.table)
    kind, dest = a.dest.split(":", 1)
    print(f"copy {a.table}{' where ' + a.where if a.where else ''} -> {kind}:{dest} (mode {a.mode})")
    if input("Proceed? [y/N] ").lower() != "y":
        sys.exit("aborted")
    salt = secrets.token_hex(8) if a.hash_cols else ""
    if salt:
        print(f"hash salt for this run (keep it if you need joins): {salt}")
    fd, path = tempfile.mkstemp(suffix=".csv.gz")
    os.close(fd)
    try:
        n = dump(a, cols, path, salt)
        got = load_bq(dest, cols, path, a.mode) if kind == "bq" else load_snowflake(dest, cols, path, a.mode)
        print(f"source rows: {n}  destination rows: {got}")
    finally:
        os.remove(path)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["preview", "copy"])
    ap.add_argument("--src", required=True)
    ap.add_argument("--table", required=True)
    ap.add_argument("--where")
    ap.add_argument("--dest")
    ap.add_argument("--mode", choices=["create", "replace", "append"], default="create")
    ap.add_argument("--hash-cols")
    args = ap.parse_args()
    preview(args) if args.cmd == "preview" else copy(args)
