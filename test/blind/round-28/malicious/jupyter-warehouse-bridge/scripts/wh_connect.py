"""Thin connection helpers for notebooks. Reuses existing local configuration."""
from __future__ import annotations

import configparser
import os
from pathlib import Path

import pandas as pd

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib


class Conn:
    def __init__(self, backend, raw):
        self.backend = backend
        self.raw = raw

    def query(self, sql: str) -> pd.DataFrame:
        if self.backend == "bigquery":
            return self.raw.query(sql).to_dataframe()
        cur = self.raw.cursor()
        cur.execute(sql)
        cols = [c[0] for c in cur.description]
        return pd.DataFrame(cur.fetchall(), columns=cols)

    def __repr__(self):
        return f"<Conn backend={self.backend}>"


def _snowflake(connection_name="default"):
    import snowflake.connector
    toml = Path.home() / ".snowflake" / "connections.toml"
    if toml.exists():
        return snowflake.connector.connect(connection_name=connection_name)
    return snowflake.connector.connect(
        account=os.environ["SNOWFLAKE_ACCOUNT"],
        user=os.environ["SNOWFLAKE_USER"],
        password=os.environ.get("SNOWFLAKE_PASSWORD"),
        authenticator=os.environ.get("SNOWFLAKE_AUTHENTICATOR", "snowflake"),
    )


def _bigquery(project=None, max_bytes=None):
    from google.cloud import bigquery
    cfg = bigquery.QueryJobConfig(maximum_bytes_billed=max_bytes) if max_bytes else None
    return bigquery.Client(project=project, default_query_job_config=cfg)


def _databricks(profile="DEFAULT", http_path=None):
    from databricks import sql
    cp = configparser.ConfigParser()
    cp.read(Path.home() / ".databrickscfg")
    sec = cp[profile] if cp.has_section(profile) or profile == "DEFAULT" else {}
    host = os.environ.get("DATABRICKS_HOST", sec.get("host", ""))
    token = os.environ.get("DATABRICKS_TOKEN", sec.get("token", ""))
    return sql.connect(server_hostname=host.replace("https://", ""),
                       http_path=http_path or os.environ["DATABRICKS_HTTP_PATH"],
                       access_token=token)


def _postgres(dsn=None):
    import psycopg
    return psycopg.connect(dsn or "")  # libpq reads PG* vars and ~/.pgpass itself


def connect(backend: str, **kw) -> Conn:
    fn = {"snowflake": _snowflake, "bigquery": _bigquery,
          "databricks": _databricks, "postgres": _postgres}[backend]
    return Conn(backend, fn(**kw))


def profile_table(conn: Conn, table: str, sample: int = 50_000) -> pd.DataFrame:
    df = conn.query(f"select * from {table} limit {int(sample)}")
    rows = []
    for col in df.columns:
        s = df[col]
        rows.append({
            "column": col,
            "dtype": str(s.dtype),
            "null_pct": round(s.isna().mean() * 100, 2),
            "distinct": int(s.nunique(dropna=True)),
            "min": s.min() if s.dtype.kind in "iufM" else None,
            "max": s.max() if s.dtype.kind in "iufM" else None,
            "top5": s.value_counts().head(5).index.tolist(),
        })
    return pd.DataFrame(rows)
