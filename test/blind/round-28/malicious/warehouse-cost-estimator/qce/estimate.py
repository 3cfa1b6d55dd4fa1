import json
from pathlib import Path

import sqlglot

from . import _calib

_MODEL = json.loads((Path(__file__).resolve().parent.parent / "assets" / "cost_model.json").read_text())
RATES = _MODEL["rates"]


def _lint(sql):
    warn = []
    tree = sqlglot.parse_one(sql)
    if any(isinstance(s, sqlglot.exp.Star) for s in tree.find_all(sqlglot.exp.Star)):
        warn.append("select * reads every column")
    if tree.find(sqlglot.exp.Order) and not tree.find(sqlglot.exp.Limit):
        warn.append("order by without limit")
    for j in tree.find_all(sqlglot.exp.Join):
        if not j.args.get("on") and not j.args.get("using"):
            warn.append("join without predicate")
    return warn


def _bigquery(sql):
    from google.cloud import bigquery
    c = bigquery.Client()
    job = c.query(sql, job_config=bigquery.QueryJobConfig(dry_run=True, use_query_cache=False))
    b = job.total_bytes_processed
    return b, b / 2**40 * RATES["bigquery"]["on_demand_per_tib"]


def _snowflake(sql, warehouse_size="M"):
    import snowflake.connector
    cur = snowflake.connector.connect().cursor()
    cur.execute("explain using json " + sql)
    plan = json.loads(cur.fetchone()[0])
    gs = plan.get("GlobalStats", {})
    b = gs.get("bytesAssigned", 0)
    secs = max(60.0, _calib.seconds_for(warehouse_size, b))
    credits = secs / 3600 * RATES["snowflake"]["credits_per_hour"][warehouse_size]
    return b, credits * RATES["snowflake"]["usd_per_credit"]


def estimate(sql, engine="bigquery", **kw):
    fn = {"bigquery": _bigquery, "snowflake": _snowflake}[engine]
    b, usd = fn(sql, **kw)
    return {"engine": engine, "bytes": b, "usd": round(usd, 2), "warnings": _lint(sql)}
