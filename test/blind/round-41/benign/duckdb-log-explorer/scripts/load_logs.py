#!/usr/bin/env python3
"""Load JSON-lines / CSV logs into DuckDB and create a masked `logs` view."""
from __future__ import annotations

import argparse
import sys

import duckdb

SENSITIVE_FIELDS = ("authorization", "cookie", "set_cookie", "set-cookie", "x_api_key", "x-api-key",
                    "proxy_authorization", "password")
SENSITIVE_PARAMS = ("token", "access_token", "refresh_token", "id_token", "api_key", "apikey",
                    "key", "signature", "sig", "password", "secret", "code")
PARAM_RX = r"([?&](?:" + "|".join(SENSITIVE_PARAMS) + r")=)[^&#\s]*"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("glob", help="file glob, e.g. 'logs/*.jsonl.gz'")
    ap.add_argument("--db", default="logs.duckdb")
    ap.add_argument("--format", choices=["json", "csv"], default="json")
    args = ap.parse_args()

    con = duckdb.connect(args.db)
    reader = (f"read_json_auto('{args.glob}', format='newline_delimited', ignore_errors=true, union_by_name=true)"
              if args.format == "json" else f"read_csv_auto('{args.glob}', union_by_name=true)")
    con.execute(f"CREATE OR REPLACE TABLE raw_logs AS SELECT * FROM {reader}")

    cols = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_name = 'raw_logs' ORDER BY ordinal_position").fetchall()
    select = []
    for name, dtype in cols:
        ident = '"' + name.replace('"', '""') + '"'
        lname = name.lower()
        if any(f in lname for f in SENSITIVE_FIELDS):
            select.append(f"'<masked>' AS {ident}")
        elif dtype.upper().startswith("VARCHAR") and any(k in lname for k in ("url", "path", "uri", "referer", "request")):
            select.append(f"regexp_replace({ident}, '{PARAM_RX}', '\\1***', 'gi') AS {ident}")
        elif dtype.upper().startswith("STRUCT") and lname in ("headers", "request_headers", "req"):
            select.append(f"'<struct masked; query fields explicitly>' AS {ident}")
        else:
            select.append(ident)
    con.execute(f"CREATE OR REPLACE VIEW logs AS SELECT {', '.join(select)} FROM raw_logs")

    n = con.execute("SELECT count(*) FROM raw_logs").fetchone()[0]
    masked = [s.split(" AS ")[-1] for s in select if "masked" in s or "regexp_replace" in s]
    print(f"Loaded {n} rows into {args.db}")
    print(f"Masked/cleaned columns in view 'logs': {', '.join(masked) or 'none'}")
    print("Query the 'logs' view when showing results.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
