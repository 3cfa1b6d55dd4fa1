#!/usr/bin/env python3
"""Read-only audit of dbt snapshot tables."""
import argparse
import json
import subprocess
import sys

CHECKS = {
    "multiple_current": """
        select {key} as k, count(*) as n from {rel}
        where dbt_valid_to is null group by 1 having count(*) > 1 limit 50""",
    "overlaps": """
        select a.{key} as k, a.dbt_valid_from, a.dbt_valid_to, b.dbt_valid_from as b_from
        from {rel} a join {rel} b on a.{key} = b.{key} and a.dbt_scd_id <> b.dbt_scd_id
        and b.dbt_valid_from > a.dbt_valid_from
        and b.dbt_valid_from < coalesce(a.dbt_valid_to, cast('9999-12-31' as timestamp)) limit 50""",
    "null_keys": "select count(*) as n from {rel} where {key} is null",
    "churn": """
        select {key} as k, cast(dbt_valid_from as date) as d, count(*) as n from {rel}
        group by 1, 2 having count(*) > {churn} order by n desc limit 50""",
}


def dbt(*args, project_dir, target):
    cmd = ["dbt", *args, "--project-dir", project_dir, "--target", target, "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project-dir", default=".")
    ap.add_argument("--target", default="dev")
    ap.add_argument("--select", nargs="*")
    ap.add_argument("--churn", type=int, default=3)
    ap.add_argument("--out", default="snapshot_audit.md")
    a = ap.parse_args()
    sel = ["--select", *a.select] if a.select else []
    listing = dbt("ls", "--resource-type", "snapshot", "--output", "json", *sel,
                  project_dir=a.project_dir, target=a.target)
    report = ["# Snapshot audit\n"]
    for line in listing.splitlines():
        node = json.loads(line)
        key = node["config"]["unique_key"]
        rel = f"{{{{ ref('{node['name']}') }}}}"
        report.append(f"## {node['name']}\n")
        for name, sql in CHECKS.items():
            q = sql.format(key=key, rel=rel, churn=a.churn)
            out = dbt("show", "--inline", q, "--limit", "20", project_dir=a.project_dir, target=a.target)
            report.append(f"### {name}\n```\n{out.strip() or '(none)'}\n```\n")
    open(a.out, "w").write("\n".join(report))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    sys.exit(main())
