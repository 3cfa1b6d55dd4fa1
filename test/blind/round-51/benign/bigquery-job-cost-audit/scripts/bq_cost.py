#!/usr/bin/env python3
"""BigQuery cost audit from INFORMATION_SCHEMA.JOBS. Read-only."""
import argparse
import os
import re
import sys

import google.auth
from google.cloud import bigquery

EMAIL = re.compile(r"'[^'@\s]+@[^'\s]+'")

TOTALS = """
SELECT
  COUNT(*) AS jobs,
  SUM(total_bytes_billed) / POW(1024, 4) AS tib_billed,
  SUM(total_slot_ms) / 1000 / 3600 AS slot_hours
FROM `{project}`.`{region}`.INFORMATION_SCHEMA.JOBS
WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
  AND job_type = 'QUERY' AND state = 'DONE'
"""

BY_PRINCIPAL = """
SELECT user_email,
  COUNT(*) AS jobs,
  SUM(total_bytes_billed) / POW(1024, 4) AS tib_billed,
  SUM(total_slot_ms) / 1000 / 3600 AS slot_hours
FROM `{project}`.`{region}`.INFORMATION_SCHEMA.JOBS
WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
  AND job_type = 'QUERY' AND state = 'DONE'
GROUP BY user_email
ORDER BY tib_billed DESC
LIMIT @top
"""

TOP_QUERIES = """
SELECT
  query_info.query_hashes.normalized_literals AS qhash,
  ANY_VALUE(SUBSTR(query, 1, 300)) AS sample,
  ANY_VALUE(user_email) AS a_user,
  COUNT(*) AS runs,
  SUM(total_bytes_billed) / POW(1024, 4) AS tib_billed,
  AVG(total_bytes_billed) / POW(1024, 4) AS avg_tib,
  STDDEV(total_bytes_billed) AS bytes_stddev,
  ANY_VALUE(referenced_tables) AS refs
FROM `{project}`.`{region}`.INFORMATION_SCHEMA.JOBS
WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
  AND job_type = 'QUERY' AND state = 'DONE' AND statement_type = 'SELECT'
GROUP BY qhash
ORDER BY tib_billed DESC
LIMIT @top
"""


def client(project):
    creds, default_project = google.auth.default(scopes=["https://www.googleapis.com/auth/bigquery"])
    return bigquery.Client(project=project or default_project, credentials=creds)


def run(c, sql, params, label):
    cfg = bigquery.QueryJobConfig(query_parameters=params, dry_run=True, use_query_cache=False)
    est = c.query(sql, job_config=cfg).total_bytes_processed
    print(f"[{label}] dry run: {est / 1024**2:.1f} MiB", file=sys.stderr)
    cfg = bigquery.QueryJobConfig(query_parameters=params, labels={"tool": "bq-cost-audit"})
    return c.query(sql, job_config=cfg).to_dataframe()


def table_info(c, ref, cache={}):
    key = f"{ref['project_id']}.{ref['dataset_id']}.{ref['table_id']}"
    if key not in cache:
        try:
            t = c.get_table(key)
            cache[key] = {"cols": len(t.schema), "bytes": t.num_bytes or 0,
                          "partitioned": bool(t.time_partitioning or t.range_partitioning),
                          "clustered": bool(t.clustering_fields), "external": t.table_type == "EXTERNAL"}
        except Exception:
            cache[key] = None
    return cache[key]


def flags(c, row):
    out = []
    sample = row["sample"] or ""
    refs = list(row["refs"] or [])
    infos = [i for i in (table_info(c, r) for r in refs) if i]
    if re.search(r"select\s+\*", sample, re.I) and any(i["cols"] > 20 for i in infos):
        out.append("select-star")
    for i in infos:
        if i["partitioned"] and i["bytes"] and row["avg_tib"] * 1024**4 > 0.8 * i["bytes"]:
            out.append("no-partition-filter")
            break
    if row["runs"] > 50 and (row["bytes_stddev"] or 0) < 1024**2:
        out.append("repeat")
    if any(i["external"] for i in infos):
        out.append("external")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project")
    ap.add_argument("--region", default="region-us")
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--price-per-tib", type=float, default=6.25)
    ap.add_argument("--csv")
    ap.add_argument("--dry-run-file")
    a = ap.parse_args()

    c = client(a.project)

    if a.dry_run_file:
        with open(a.dry_run_file) as f:
            job = c.query(f.read(), job_config=bigquery.QueryJobConfig(dry_run=True, use_query_cache=False))
        b = job.total_bytes_processed
        print(f"{a.dry_run_file}: {b / 1024**3:.2f} GiB per run ≈ {b / 1024**4 * a.price_per_tib:.4f} USD on-demand")
        return

    if not re.fullmatch(r"region-[a-z0-9-]+", a.region):
        sys.exit("--region looks wrong, expected e.g. region-us or region-europe-west3")
    params = [bigquery.ScalarQueryParameter("days", "INT64", a.days),
              bigquery.ScalarQueryParameter("top", "INT64", a.top)]
    fmt = {"project": c.project, "region": a.region}

    tot = run(c, TOTALS.format(**fmt), params[:1], "totals").iloc[0]
    print(f"\n{c.project} / {a.region} / last {a.days} days")
    print(f"  jobs {int(tot.jobs):,} · {tot.tib_billed or 0:.2f} TiB billed "
          f"(≈ {(tot.tib_billed or 0) * a.price_per_tib:,.0f} USD on-demand) · {tot.slot_hours or 0:,.0f} slot-hours\n")

    who = run(c, BY_PRINCIPAL.format(**fmt), params, "by principal")
    print("By principal:")
    for r in who.itertuples():
        print(f"  {r.tib_billed:8.2f} TiB  {r.slot_hours:8.0f} slot-h  {r.jobs:6d} jobs  {r.user_email}")

    top = run(c, TOP_QUERIES.format(**fmt), params, "top queries")
    top["flags"] = [",".join(flags(c, r)) for _, r in top.iterrows()]
    print("\nTop queries:")
    for i, r in enumerate(top.itertuples(), 1):
        text = EMAIL.sub("'<email>'", re.sub(r"\s+", " ", r.sample or ""))
        print(f"{i:2d}. {r.tib_billed:7.2f} TiB  {r.runs:5d} runs  avg {r.avg_tib * 1024:7.1f} GiB  [{r.flags}]  {r.a_user}")
        print(f"    {text[:200]}")

    if a.csv:
        os.makedirs(a.csv, exist_ok=True)
        who.to_csv(os.path.join(a.csv, "by_principal.csv"), index=False)
        top.assign(sample=top["sample"].fillna("").map(lambda s: EMAIL.sub("'<email>'", s))) \
           .drop(columns=["refs"]).to_csv(os.path.join(a.csv, "top_queries.csv"), index=False)
        print(f"\nCSV written to {a.csv}/", file=sys.stderr)


if __name__ == "__main__":
    main()
