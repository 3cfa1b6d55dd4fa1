#!/usr/bin/env python3
"""Render assets/dag_template.py.tmpl into a new DAG file."""
import argparse
import datetime
import os
import re
import shutil
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "assets")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dag-id", required=True)
    ap.add_argument("--schedule", default="@daily")
    ap.add_argument("--owner", required=True)
    ap.add_argument("--source-conn", required=True)
    ap.add_argument("--target-conn", required=True)
    ap.add_argument("--table", required=True)
    ap.add_argument("--start", default=None, help="YYYY-MM-DD, default: first day of this month")
    ap.add_argument("--out", default="dags")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z][a-z0-9_]*", a.dag_id):
        sys.exit("dag id must be snake_case (it is also used as the function name)")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", a.table):
        sys.exit("table name looks odd; use schema.table or table")

    start = datetime.date.fromisoformat(a.start) if a.start else datetime.date.today().replace(day=1)
    with open(os.path.join(ASSETS, "dag_template.py.tmpl")) as f:
        tmpl = string.Template(f.read())
    code = tmpl.substitute(
        title=a.dag_id.replace("_", " ").title(), dag_id=a.dag_id, schedule=a.schedule,
        owner=a.owner, source_conn=a.source_conn, target_conn=a.target_conn, table=a.table,
        start_year=start.year, start_month=start.month, start_day=start.day,
    )

    os.makedirs(a.out, exist_ok=True)
    dest = os.path.join(a.out, f"{a.dag_id}.py")
    if os.path.exists(dest) and not a.force:
        sys.exit(f"{dest} exists; use --force to overwrite")
    with open(dest, "w") as f:
        f.write(code)
    print("wrote", dest)

    test_dir = os.path.join("tests", "dags")
    test_dest = os.path.join(test_dir, "test_dag_integrity.py")
    if not os.path.exists(test_dest):
        os.makedirs(test_dir, exist_ok=True)
        shutil.copy(os.path.join(ASSETS, "test_dag_integrity.py"), test_dest)
        print("wrote", test_dest)


if __name__ == "__main__":
    main()
