#!/usr/bin/env python3
"""Read-only DSAR export for one data subject from PostgreSQL, following foreign keys."""
import argparse
import datetime as dt
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

try:
    import psycopg
    from psycopg import sql
    from psycopg.rows import dict_row
except ImportError:
    sys.exit('pip install "psycopg[binary]>=3.1"')

FK_SQL = """
SELECT kcu.table_schema || '.' || kcu.table_name AS child, kcu.column_name AS child_col,
       ccu.table_schema || '.' || ccu.table_name AS parent, ccu.column_name AS parent_col
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
WHERE tc.constraint_type = 'FOREIGN KEY'
"""


def ident(qualified):
    schema, table = qualified.split(".", 1)
    return sql.Identifier(schema, table)


def connect():
    dsn = os.environ.get("DATABASE_URL", "")
    conn = psycopg.connect(dsn, row_factory=dict_row, autocommit=False)
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    return conn


def load_config(path):
    if not path:
        return {}
    return json.loads(Path(path).read_text())


def build_plan(conn, root, key, value, depth, cfg):
    fks = conn.execute(FK_SQL).fetchall()
    excluded = set(cfg.get("exclude_tables", []))
    # node: (table, where-clause SQL, params, path description)
    root_where = sql.SQL("{} = %s").format(sql.Identifier(key))
    plan = [{"table": root, "where": root_where, "params": [value], "path": f"{root}.{key} = <subject>"}]
    frontier = [(root, None, [value], root_where)]
    seen = {root}
    for _ in range(depth):
        nxt = []
        for parent, _unused, params, where in frontier:
            for fk in fks:
                if fk["parent"] != parent or fk["child"] in seen or fk["child"] in excluded:
                    continue
                sub = sql.SQL("{col} IN (SELECT {pcol} FROM {pt} WHERE {pw})").format(
                    col=sql.Identifier(fk["child_col"]), pcol=sql.Identifier(fk["parent_col"]),
                    pt=ident(parent), pw=where)
                plan.append({"table": fk["child"], "where": sub, "params": list(params),
                             "path": f"{fk['child']}.{fk['child_col']} -> {parent}.{fk['parent_col']}"})
                seen.add(fk["child"])
                nxt.append((fk["child"], None, list(params), sub))
        frontier = nxt
    for extra in cfg.get("extra_paths", []):
        if extra["table"] in excluded:
            continue
        w = sql.SQL("{c} IN (SELECT {rc} FROM {rt} WHERE {rw})").format(
            c=sql.Identifier(extra["column"]), rc=sql.Identifier(extra["root_column"]), rt=ident(root), rw=root_where)
        plan.append({"table": extra["table"], "where": w, "params": [value],
                     "path": f"{extra['table']}.{extra['column']} = {root}.{extra['root_column']} (config)"})
    for step in plan:
        q = sql.SQL("SELECT count(*) AS n FROM {t} WHERE {w}").format(t=ident(step["table"]), w=step["where"])
        step["rows"] = conn.execute(q, step["params"]).fetchone()["n"]
    return plan


def redactor(cfg, table):
    pats = cfg.get("redact_columns", [])
    def is_redacted(col):
        full = f"{table}.{col}"
        return any(fnmatch.fnmatch(full, p) for p in pats)
    return is_redacted


def show(plan):
    total = 0
    for s in plan:
        print(f"  {s['rows']:>7}  {s['table']:40} via {s['path']}")
        total += s["rows"]
    print(f"  {total:>7}  rows total in {sum(1 for s in plan if s['rows'])} table(s)")
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["locate", "plan", "export"])
    ap.add_argument("--root", required=True, help="schema.table of the subject")
    ap.add_argument("--key", required=True)
    ap.add_argument("--value", required=True)
    ap.add_argument("--depth", type=int, default=1)
    ap.add_argument("--config")
    ap.add_argument("--out")
    ap.add_argument("--age-recipient")
    a = ap.parse_args()
    cfg = load_config(a.config)

    with connect() as conn:
        if a.cmd == "locate":
            q = sql.SQL("SELECT count(*) AS n FROM {t} WHERE {k} = %s").format(t=ident(a.root), k=sql.Identifier(a.key))
            n = conn.execute(q, [a.value]).fetchone()["n"]
            print(f"{n} row(s) in {a.root} where {a.key} matches")
            if n != 1:
                sys.exit("expected exactly one subject row; confirm the identifier with the requester")
            return

        plan = build_plan(conn, a.root, a.key, a.value, a.depth, cfg)
        print(f"export plan for {a.root}.{a.key} (depth {a.depth}):")
        total = show(plan)
        if a.cmd == "plan":
            return
        if not a.out:
            sys.exit("--out is required for export")
        out = Path(a.out).expanduser()
        if input(f"\nExport {total} rows to {out}? [y/N] ").strip().lower() != "y":
            print("cancelled")
            return
        (out / "data").mkdir(parents=True, exist_ok=True)
        os.chmod(out, 0o700)
        manifest = {"request_id": cfg.get("request_id"), "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                    "database": conn.info.dbname, "host": conn.info.host, "root": a.root, "key": a.key,
                    "isolation": "REPEATABLE READ READ ONLY", "tables": [], "referenced_blobs": []}
        blob_cols = set(cfg.get("blob_columns", []))
        for step in plan:
            if not step["rows"]:
                continue
            q = sql.SQL("SELECT * FROM {t} WHERE {w}").format(t=ident(step["table"]), w=step["where"])
            rows = conn.execute(q, step["params"]).fetchall()
            is_red = redactor(cfg, step["table"])
            redacted = set()
            for r in rows:
                for col in list(r):
                    if is_red(col):
                        r[col] = "[redacted]"
                        redacted.add(col)
                    if f"{step['table']}.{col}" in blob_cols and r[col]:
                        manifest["referenced_blobs"].append({"table": step["table"], "column": col, "key": str(r[col])})
            path = out / "data" / f"{step['table']}.json"
            path.write_text(json.dumps(rows, indent=2, default=str))
            manifest["tables"].append({"table": step["table"], "rows": len(rows), "path": step["path"],
                                       "query": q.as_string(conn), "redacted_columns": sorted(redacted)})
        conn.rollback()
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
        print(f"wrote {len(manifest['tables'])} table file(s) and manifest.json to {out}")

        if a.age_recipient:
            if not shutil.which("age"):
                sys.exit("age not found; data left unencrypted in " + str(out))
            tar_path = out / "bundle.tar"
            with tarfile.open(tar_path, "w") as tf:
                tf.add(out / "data", arcname="data")
                tf.add(out / "manifest.json", arcname="manifest.json")
            subprocess.run(["age", "-r", a.age_recipient, "-o", str(out / "bundle.tar.age"), str(tar_path)], check=True)
            tar_path.unlink()
            shutil.rmtree(out / "data")
            print(f"encrypted bundle: {out / 'bundle.tar.age'} (plaintext data removed; manifest.json kept)")


if __name__ == "__main__":
    main()
