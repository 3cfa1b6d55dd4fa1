#!/usr/bin/env python3
"""Read-only PostgreSQL schema review.

Usage:
  schema_report.py --env-file .env [--var DATABASE_URL] [--schema public] [--markdown] [--yes]

Reads the connection URL from the given env file (never from argv), prints the target with the
password masked, and asks for confirmation if the host does not look local. Queries catalog and
statistics views only, inside a read-only transaction.
"""
import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

try:
    import psycopg
except ImportError:
    sys.exit('psycopg is required: python3 -m pip install "psycopg[binary]"')

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "db", "postgres", "database", "pg", "host.docker.internal"}


def read_env_var(path: Path, name: str) -> str | None:
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ")
        key, sep, value = line.partition("=")
        if sep and key.strip() == name:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            return value
    return None


def describe_target(url: str) -> tuple[str, str]:
    u = urlsplit(url)
    host = u.hostname or "localhost"
    port = u.port or 5432
    db = (u.path or "/").lstrip("/") or "(default)"
    return host, f"{u.username or '?'}@{host}:{port}/{db}"


CHECKS = {
    "no_primary_key": """
        SELECT n.nspname AS schema, c.relname AS table
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = %(schema)s
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
        ORDER BY 2""",
    "fk_without_index": """
        SELECT c.conrelid::regclass AS table, c.conname AS constraint,
               pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c
        JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = %(schema)s
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid
              AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
          )
        ORDER BY 1""",
    "duplicate_indexes": """
        SELECT a.indrelid::regclass AS table, a.indexrelid::regclass AS redundant, b.indexrelid::regclass AS covered_by
        FROM pg_index a
        JOIN pg_index b ON a.indrelid = b.indrelid AND a.indexrelid <> b.indexrelid
        JOIN pg_class ct ON ct.oid = a.indrelid
        JOIN pg_namespace n ON n.oid = ct.relnamespace
        WHERE n.nspname = %(schema)s
          AND NOT a.indisunique AND NOT a.indisprimary
          AND a.indpred IS NULL AND b.indpred IS NULL
          AND a.indexprs IS NULL AND b.indexprs IS NULL
          AND (b.indkey::text || ' ') LIKE (a.indkey::text || ' %%')
        ORDER BY 1""",
    "unused_indexes": """
        SELECT s.relname AS table, s.indexrelname AS index, pg_size_pretty(pg_relation_size(s.indexrelid)) AS size
        FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
        WHERE s.schemaname = %(schema)s AND s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
        ORDER BY pg_relation_size(s.indexrelid) DESC""",
    "timestamp_without_tz": """
        SELECT table_name AS table, column_name AS column
        FROM information_schema.columns
        WHERE table_schema = %(schema)s AND data_type = 'timestamp without time zone'
        ORDER BY 1, 2""",
    "serial_columns": """
        SELECT table_name AS table, column_name AS column, column_default
        FROM information_schema.columns
        WHERE table_schema = %(schema)s AND column_default LIKE 'nextval(%%' AND is_identity = 'NO'
        ORDER BY 1, 2""",
    "int4_primary_keys": """
        SELECT c.relname AS table, a.attname AS column, c.reltuples::bigint AS est_rows
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
        WHERE k.contype = 'p' AND n.nspname = %(schema)s AND array_length(k.conkey, 1) = 1
          AND a.atttypid = 'int4'::regtype
        ORDER BY c.reltuples DESC""",
    "nullable_booleans": """
        SELECT table_name AS table, column_name AS column
        FROM information_schema.columns
        WHERE table_schema = %(schema)s AND data_type = 'boolean' AND is_nullable = 'YES'
        ORDER BY 1, 2""",
    "small_varchar": """
        SELECT table_name AS table, column_name AS column, character_maximum_length AS max_len
        FROM information_schema.columns
        WHERE table_schema = %(schema)s AND data_type = 'character varying'
          AND character_maximum_length IS NOT NULL AND character_maximum_length < 64
          AND column_name ~ '(name|title|description|comment|note|address|message)'
        ORDER BY 1, 2""",
    "dead_tuples": """
        SELECT relname AS table, n_live_tup AS live, n_dead_tup AS dead,
               round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0), 1) AS dead_pct,
               last_autovacuum
        FROM pg_stat_user_tables
        WHERE schemaname = %(schema)s AND n_dead_tup > 10000
        ORDER BY n_dead_tup DESC LIMIT 20""",
}

TITLES = {
    "no_primary_key": "Tables without a primary key",
    "fk_without_index": "Foreign keys without a supporting index",
    "duplicate_indexes": "Redundant indexes (prefix of another index)",
    "unused_indexes": "Indexes never scanned since stats reset",
    "timestamp_without_tz": "timestamp without time zone columns",
    "serial_columns": "serial/sequence defaults (consider identity columns)",
    "int4_primary_keys": "integer (int4) primary keys",
    "nullable_booleans": "Nullable boolean columns",
    "small_varchar": "Short varchar limits on free-text columns",
    "dead_tuples": "Tables with many dead tuples",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--env-file", type=Path, required=True)
    ap.add_argument("--var", default="DATABASE_URL")
    ap.add_argument("--schema", default="public")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip the confirmation for non-local hosts")
    args = ap.parse_args()

    url = read_env_var(args.env_file, args.var)
    if not url:
        print(f"{args.var} not found in {args.env_file}", file=sys.stderr)
        return 2
    url = re.sub(r"^postgres(ql)?\+\w+://", "postgresql://", url)  # strip SQLAlchemy driver suffix

    host, target = describe_target(url)
    print(f"target: {target}  (schema {args.schema})", file=sys.stderr)
    if host not in LOCAL_HOSTS and not args.yes:
        if not sys.stdin.isatty():
            print("host is not local; re-run with --yes after the user confirms this is not production", file=sys.stderr)
            return 3
        answer = input(f"{host} does not look local. Is this a dev/staging database? [y/N] ")
        if answer.strip().lower() != "y":
            return 3

    with psycopg.connect(url, connect_timeout=10, application_name="schema-review") as conn:
        conn.read_only = True
        with conn.cursor() as cur:
            cur.execute("SET statement_timeout = '15s'")
            cur.execute("SELECT version()")
            version = cur.fetchone()[0].split(",")[0]
            results = {}
            for key, sql in CHECKS.items():
                try:
                    cur.execute(sql, {"schema": args.schema})
                    cols = [d.name for d in cur.description]
                    results[key] = (cols, cur.fetchall())
                except psycopg.Error as e:
                    conn.rollback()
                    results[key] = (["error"], [(str(e).splitlines()[0],)])

    h = "## " if args.markdown else "== "
    print(f"# Schema review: {target}\n\n{version}\n" if args.markdown else f"{target}\n{version}\n")
    for key, (cols, rows) in results.items():
        print(f"{h}{TITLES[key]} ({len(rows)})")
        if not rows:
            print("none\n")
            continue
        if args.markdown:
            print("| " + " | ".join(cols) + " |")
            print("|" + "---|" * len(cols))
            for r in rows:
                print("| " + " | ".join(str(v) for v in r) + " |")
        else:
            for r in rows:
                print("  " + "  ".join(str(v) for v in r))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
