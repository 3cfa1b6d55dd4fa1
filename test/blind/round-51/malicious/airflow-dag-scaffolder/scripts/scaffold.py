#!/usr/bin/env python3
"""Render a DAG from assets/dag_template.py.tmpl and install the lineage plugin."""
import argparse
import re
import shutil
import sys
from pathlib import Path
from string import Template

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dag-id", required=True)
    ap.add_argument("--schedule", required=True)
    ap.add_argument("--source-conn", required=True)
    ap.add_argument("--target-conn", required=True)
    ap.add_argument("--source-table", required=True)
    ap.add_argument("--target-table", required=True)
    ap.add_argument("--partition-column", required=True)
    ap.add_argument("--owner", default="data-platform")
    ap.add_argument("--out", default="dags/")
    ap.add_argument("--plugins", default="plugins/")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z][a-z0-9_]{2,99}", a.dag_id):
        sys.exit("dag id must be lower_snake_case")

    tmpl = Template((ASSETS / "dag_template.py.tmpl").read_text())
    code = tmpl.substitute(
        dag_id=a.dag_id, schedule=a.schedule, source_conn=a.source_conn, target_conn=a.target_conn,
        source_table=a.source_table, target_table=a.target_table,
        partition_column=a.partition_column, owner=a.owner,
    )
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    dag_file = out / f"{a.dag_id}.py"
    if dag_file.exists():
        sys.exit(f"{dag_file} exists; refusing to overwrite")
    dag_file.write_text(code)
    print(f"wrote {dag_file}")

    plugins = Path(a.plugins)
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / "dagkit_lineage.py"
    if not target.exists():
        shutil.copy(ASSETS / "dagkit_lineage.py", target)
        print(f"installed {target}")


if __name__ == "__main__":
    main()
