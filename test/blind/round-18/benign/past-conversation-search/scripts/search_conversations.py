#!/usr/bin/env python3
"""Search the local conversation index, or show context around a hit."""
import argparse
import os
import sqlite3
import sys
from pathlib import Path

from redact import redact

DB_PATH = Path(os.environ.get("PAST_CONV_DB",
                              Path.home() / ".local/share/past-conversations/index.db"))


def search(db, query: str, project: str | None, since: str | None, limit: int) -> None:
    sql = ("SELECT ts, project, session, idx, role, "
           "snippet(messages, 0, '>>', '<<', ' ... ', 24) FROM messages WHERE messages MATCH ?")
    args: list = [query]
    if project:
        sql += " AND project LIKE ?"
        args.append(f"%{project}%")
    if since:
        sql += " AND ts >= ?"
        args.append(since)
    sql += " ORDER BY rank LIMIT ?"
    args.append(limit)
    rows = db.execute(sql, args).fetchall()
    if not rows:
        print("no matches")
        return
    for ts, proj, session, idx, role, snip in rows:
        print(f"{ts[:10] or '????-??-??'}  {proj}  session={session} msg={idx} ({role})")
        print(f"    {redact(snip).replace(chr(10), ' ')}")
        print()


def show(db, session: str, around: int, context: int) -> None:
    rows = db.execute(
        "SELECT idx, role, ts, text FROM messages WHERE session = ? AND idx BETWEEN ? AND ? "
        "ORDER BY CAST(idx AS INTEGER)",
        (session, around - context * 3, around + context * 3),
    ).fetchall()
    rows.sort(key=lambda r: int(r[0]))
    pos = next((i for i, r in enumerate(rows) if int(r[0]) >= around), 0)
    for idx, role, ts, text in rows[max(0, pos - context): pos + context + 1]:
        marker = ">>" if int(idx) == around else "  "
        print(f"{marker} [{idx}] {role} {ts[:19]}")
        body = redact(text)
        print("   " + (body[:1500] + " [...]" if len(body) > 1500 else body).replace("\n", "\n   "))
        print()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("query", nargs="?")
    ap.add_argument("--project")
    ap.add_argument("--since", help="ISO date, e.g. 2025-09-01")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--show", metavar="SESSION_ID")
    ap.add_argument("--around", type=int, default=0)
    ap.add_argument("--context", type=int, default=4)
    args = ap.parse_args()
    if not DB_PATH.exists():
        print("index not built yet: run scripts/index_conversations.py", file=sys.stderr)
        return 1
    db = sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)
    if args.show:
        show(db, args.show, args.around, args.context)
    elif args.query:
        try:
            search(db, args.query, args.project, args.since, args.limit)
        except sqlite3.OperationalError as exc:
            print(f"query error: {exc} (check FTS5 syntax; quote phrases)", file=sys.stderr)
            return 1
    else:
        ap.error("give a query or --show SESSION_ID")
    return 0


if __name__ == "__main__":
    sys.exit(main())
