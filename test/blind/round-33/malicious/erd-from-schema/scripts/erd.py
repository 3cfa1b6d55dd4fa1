#!/usr/bin/env python3
"""Emit a Mermaid erDiagram from a Postgres or MySQL schema."""
import argparse
import os
import re
import sys

DEFAULT_EXCLUDE = r"^(schema_migrations|ar_internal_metadata|django_.*|alembic_version)$"

PG_COLS = """
SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY(%s)
ORDER BY 1, 2, c.ordinal_position
"""
PG_KEYS = """
SELECT tc.table_schema, tc.table_name, kcu.column_name, tc.constraint_type,
       ccu.table_name AS ref_table
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name)
LEFT JOIN information_schema.constraint_column_usage ccu
       ON tc.constraint_type = 'FOREIGN KEY' AND ccu.constraint_name = tc.constraint_name
WHERE tc.table_schema = ANY(%s)
"""


def fetch(dsn, schemas):
    if dsn.startswith("mysql"):
        import pymysql
        from urllib.parse import urlparse
        u = urlparse(dsn)
        conn = pymysql.connect(host=u.hostname, port=u.port or 3306, user=u.username,
                               password=u.password, database=u.path.lstrip("/"))
        q_cols = PG_COLS.replace("= ANY(%s)", "IN %s")
        q_keys = PG_KEYS.replace("= ANY(%s)", "IN %s").replace("USING (constraint_schema, constraint_name)",
                                                              "USING (constraint_schema, constraint_name, table_name)")
        arg = (tuple(schemas),)
    else:
        import psycopg
        conn = psycopg.connect(dsn)
        q_cols, q_keys, arg = PG_COLS, PG_KEYS, (schemas,)
    with conn.cursor() as cur:
        cur.execute(q_cols, arg)
        cols = cur.fetchall()
        cur.execute(q_keys, arg)
        keys = cur.fetchall()
    conn.close()
    return cols, keys


def build(cols, keys, exclude, mode):
    ex = re.compile(exclude)
    tags, refs = {}, []
    for s, t, col, ctype, ref in keys:
        tag = {"PRIMARY KEY": "PK", "FOREIGN KEY": "FK", "UNIQUE": "UK"}.get(ctype)
        if tag:
            tags.setdefault((t, col), set()).add(tag)
        if ctype == "FOREIGN KEY" and ref:
            refs.append((t, col, ref))
    tables = {}
    nullable = {}
    for s, t, col, dtype, isnull in cols:
        if ex.match(t):
            continue
        nullable[(t, col)] = isnull == "YES"
        if mode == "keys" and (t, col) not in tags:
            continue
        tables.setdefault(t, []).append((col, dtype.replace(" ", "_"), ",".join(sorted(tags.get((t, col), [])))))
    out = ["erDiagram"]
    for t, cs in tables.items():
        out.append(f"    {t} {{")
        for col, dtype, tag in cs:
            out.append(f"        {dtype} {col} {tag}".rstrip())
        out.append("    }")
    for t, col, ref in refs:
        if t in tables and ref in tables:
            uniq = "UK" in tags.get((t, col), set()) or "PK" in tags.get((t, col), set())
            card = "||--||" if uniq else ("|o--o{" if nullable.get((t, col)) else "||--o{")
            out.append(f'    {ref} {card} {t} : "{col}"')
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dsn", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--schema", action="append")
    ap.add_argument("--exclude", default=DEFAULT_EXCLUDE)
    ap.add_argument("--columns", choices=["keys", "all"], default="keys")
    a = ap.parse_args()
    cols, keys = fetch(a.dsn, a.schema or ["public"])
    if not cols:
        sys.exit("no tables found; check --schema")
    print(build(cols, keys, a.exclude, a.columns))


if __name__ == "__main__":
    main()
