#!/usr/bin/env python3
"""List sessions/blockers, and cancel or terminate user-chosen PIDs after confirmation."""
import argparse
import os
import sys
import time

import psycopg

LIST_SQL = """
SELECT pid, usename, application_name, client_addr::text, state, backend_type,
       backend_start,
       extract(epoch FROM now() - xact_start)::int  AS xact_age,
       extract(epoch FROM now() - query_start)::int AS query_age,
       wait_event_type, wait_event,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query,
       (SELECT rolsuper FROM pg_roles r WHERE r.rolname = a.usename) AS is_super
FROM pg_stat_activity a
WHERE pid <> pg_backend_pid()
  AND datname = current_database()
  AND (
        (state = 'active' AND now() - query_start > make_interval(secs => %(min)s))
     OR (state LIKE 'idle in transaction%%' AND now() - state_change > make_interval(secs => %(min)s))
     OR backend_type IN ('autovacuum worker', 'walsender')
  )
ORDER BY xact_start NULLS LAST
"""

BLOCK_SQL = """
SELECT a.pid, pg_blocking_pids(a.pid) AS blocked_by, a.usename, a.application_name, a.state,
       extract(epoch FROM now() - a.xact_start)::int AS xact_age,
       left(regexp_replace(a.query, '\\s+', ' ', 'g'), 100) AS query
FROM pg_stat_activity a
WHERE a.datname = current_database()
"""

ONE_SQL = """
SELECT pid, usename, application_name, state, backend_type, backend_start,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query
FROM pg_stat_activity WHERE pid = %s
"""


def connect():
    dsn = os.environ.get("DATABASE_URL", "")
    conn = psycopg.connect(dsn, autocommit=True, application_name="pg-sessions-skill")
    return conn


def tag(row):
    tags = []
    if row.get("backend_type") == "walsender":
        tags.append("REPLICATION")
    if row.get("backend_type") == "autovacuum worker":
        tags.append("AUTOVACUUM" + (" wraparound" if "wraparound" in (row.get("query") or "") else ""))
    if row.get("is_super"):
        tags.append("SUPERUSER")
    return " ".join(tags)


def cmd_list(conn, args):
    with conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        cur.execute(LIST_SQL, {"min": args.min_seconds})
        rows = cur.fetchall()
    if not rows:
        print("No long-running, idle-in-transaction, autovacuum or replication sessions.")
        return
    for r in rows:
        print(f"pid={r['pid']:<7} user={r['usename']} app={r['application_name'] or '-'} "
              f"client={r['client_addr'] or 'local'} state={r['state'] or r['backend_type']} "
              f"xact={r['xact_age']}s query={r['query_age']}s wait={r['wait_event_type'] or '-'}/{r['wait_event'] or '-'} "
              f"{tag(r)}\n    {r['query']}")


def cmd_blockers(conn, _args):
    with conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        cur.execute(BLOCK_SQL)
        rows = {r["pid"]: r for r in cur.fetchall()}
    waiting = {pid: r["blocked_by"] for pid, r in rows.items() if r["blocked_by"]}
    if not waiting:
        print("No lock waits.")
        return
    blockers = {b for bs in waiting.values() for b in bs}
    roots = [b for b in blockers if b not in waiting]

    def show(pid, depth, seen):
        r = rows.get(pid, {})
        print(f"{'  ' * depth}pid={pid} user={r.get('usename')} app={r.get('application_name') or '-'} "
              f"state={r.get('state')} xact={r.get('xact_age')}s  {r.get('query')}")
        for w, bs in waiting.items():
            if pid in bs and w not in seen:
                show(w, depth + 1, seen | {w})

    print("Root blockers first; indented sessions are waiting on the one above:")
    for root in sorted(roots):
        show(root, 0, {root})


def signal(conn, args, fn):
    targets = []
    with conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        for pid in args.pids:
            cur.execute(ONE_SQL, (pid,))
            row = cur.fetchone()
            if not row:
                print(f"pid {pid}: no longer exists; skipping")
                continue
            if pid == conn.info.backend_pid:
                print(f"pid {pid}: this is our own session; skipping")
                continue
            targets.append(row)
    if not targets:
        return
    print(f"About to {fn.replace('pg_', '').replace('_backend', '')}:")
    for r in targets:
        print(f"  pid={r['pid']} user={r['usename']} app={r['application_name'] or '-'} state={r['state'] or r['backend_type']} "
              f"{'REPLICATION ' if r['backend_type'] == 'walsender' else ''}\n      {r['query']}")
    if input("Proceed? [y/N] ").strip().lower() != "y":
        print("Nothing done.")
        return
    with conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        for r in targets:
            cur.execute(ONE_SQL, (r["pid"],))
            now = cur.fetchone()
            if not now or now["backend_start"] != r["backend_start"]:
                print(f"pid {r['pid']}: session changed or ended since listing; not signalled")
                continue
            cur.execute(f"SELECT {fn}(%s) AS ok", (r["pid"],))
            print(f"pid {r['pid']}: {fn} -> {cur.fetchone()['ok']}")
            if args.wait:
                deadline = time.time() + args.wait
                while time.time() < deadline:
                    cur.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s AND backend_start = %s",
                                (r["pid"], r["backend_start"]))
                    if not cur.fetchone():
                        print(f"pid {r['pid']}: gone")
                        break
                    time.sleep(0.5)
                else:
                    print(f"pid {r['pid']}: still present after {args.wait}s")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("list")
    l.add_argument("--min-seconds", type=int, default=60)
    sub.add_parser("blockers")
    for name in ("cancel", "terminate"):
        p = sub.add_parser(name)
        p.add_argument("pids", nargs="+", type=int)
        p.add_argument("--wait", type=float, default=0)
    args = ap.parse_args()
    with connect() as conn:
        print(f"Connected to {conn.info.dbname} on {conn.info.host}:{conn.info.port} as {conn.info.user}\n")
        if args.cmd == "list":
            cmd_list(conn, args)
        elif args.cmd == "blockers":
            cmd_blockers(conn, args)
        elif args.cmd == "cancel":
            signal(conn, args, "pg_cancel_backend")
        else:
            signal(conn, args, "pg_terminate_backend")


if __name__ == "__main__":
    sys.exit(main())
