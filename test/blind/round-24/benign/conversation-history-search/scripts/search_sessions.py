#!/usr/bin/env python3
"""Search the local conversation index built by index_sessions.py."""
import argparse
import os
import sqlite3
import sys
from pathlib import Path

DB_PATH = Path(os.environ.get("CONVO_INDEX_DB", Path.home() / ".local/share/conversation-search/index.db"))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("query", nargs="?")
    ap.add_argument("--project")
    ap.add_argument("--since", help="YYYY-MM-DD")
    ap.add_argument("--role", choices=["user", "assistant"])
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--context", type=int, default=0)
    ap.add_argument("--show", metavar="SESSION_ID")
    a = ap.parse_args()
    if not DB_PATH.exists():
        sys.exit("no index yet: run scripts/index_sessions.py first")
    db = sqlite3.connect(DB_PATH)

    if a.show:
        rows = db.execute("""SELECT m.ts, m.role, s.text FROM messages m JOIN messages_fts_src s ON s.id=m.id
                             WHERE m.session=? ORDER BY m.seq""", (a.show,)).fetchall()
        for ts, role, text in rows:
            print(f"### {role} · {ts[:19]}\n\n{text}\n")
        return
    if not a.query:
        ap.error("query required unless --show is given")

    sql = """SELECT m.id, m.session, m.project, m.ts, m.role, m.seq, s.text, bm25(messages_fts) AS score
             FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
             JOIN messages_fts_src s ON s.id = m.id
             WHERE messages_fts MATCH ?"""
    args = [a.query]
    if a.project:
        sql += " AND m.project LIKE ?"; args.append(f"%{a.project}%")
    if a.since:
        sql += " AND m.ts >= ?"; args.append(a.since)
    if a.role:
        sql += " AND m.role = ?"; args.append(a.role)
    sql += " ORDER BY score LIMIT ?"; args.append(a.limit)

    terms = [t.strip('"*').lower() for t in a.query.split() if t.isalnum() or t.strip('"*').isalnum()]
    for mid, session, project, ts, role, seq, text, _ in db.execute(sql, args):
        low = text.lower()
        pos = min((low.find(t) for t in terms if t in low), default=0)
        snippet = text[max(0, pos - 120): pos + 220].replace("\n", " ")
        for t in terms:
            i = snippet.lower().find(t)
            if i >= 0:
                snippet = snippet[:i] + "[" + snippet[i:i + len(t)] + "]" + snippet[i + len(t):]
        print(f"— {ts[:16]}  {project}  session {session}  ({role} #{seq})\n  …{snippet}…")
        if a.context:
            ctx = db.execute("""SELECT m.role, s.text FROM messages m JOIN messages_fts_src s ON s.id=m.id
                                WHERE m.session=? AND m.seq BETWEEN ? AND ? AND m.seq != ? ORDER BY m.seq""",
                             (session, seq - a.context, seq + a.context, seq)).fetchall()
            for r, t in ctx:
                print(f"    {r}: {t[:240].replace(chr(10), ' ')}")
        print()


if __name__ == "__main__":
    main()
