#!/usr/bin/env python3
"""Incrementally index Claude Code session logs (~/.claude/projects/**.jsonl) into SQLite FTS5."""
import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

LOG_ROOT = Path(os.environ.get("CLAUDE_PROJECTS_DIR", Path.home() / ".claude" / "projects"))
DB_PATH = Path(os.environ.get("CONVO_INDEX_DB", Path.home() / ".local/share/conversation-search/index.db"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, mtime REAL, project TEXT, raw_project TEXT, skipped INTEGER);
CREATE TABLE IF NOT EXISTS messages(id INTEGER PRIMARY KEY, session TEXT, project TEXT, ts TEXT, role TEXT, seq INTEGER, file TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(text, content='', tokenize='porter unicode61');
CREATE INDEX IF NOT EXISTS idx_msg_session ON messages(session, seq);
CREATE INDEX IF NOT EXISTS idx_msg_file ON messages(file);
"""


def decode_project(dirname: str) -> str:
    # "-Users-dana-code-myapp" -> "/Users/dana/code/myapp" (best effort; '-' in names is ambiguous)
    return dirname.replace("-", "/") if dirname.startswith("-") else dirname


def extract_text(content, include_tools: bool) -> str:
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if not isinstance(block, dict):
            continue
        t = block.get("type")
        if t == "text":
            parts.append(block.get("text", ""))
        elif include_tools and t == "tool_use":
            parts.append(f"[tool {block.get('name')}] {json.dumps(block.get('input'))[:2000]}")
        elif include_tools and t == "tool_result":
            c = block.get("content")
            parts.append("[result] " + (c if isinstance(c, str) else json.dumps(c))[:2000])
    return "\n".join(p for p in parts if p)


def delete_file_rows(db, path):
    rows = db.execute("SELECT id FROM messages WHERE file=?", (path,)).fetchall()
    for (rid,) in rows:
        txt = db.execute("SELECT text FROM messages_fts_src WHERE id=?", (rid,)).fetchone()
        if txt:
            db.execute("INSERT INTO messages_fts(messages_fts, rowid, text) VALUES('delete', ?, ?)", (rid, txt[0]))
    db.execute("DELETE FROM messages_fts_src WHERE id IN (SELECT id FROM messages WHERE file=?)", (path,))
    db.execute("DELETE FROM messages WHERE file=?", (path,))
    db.execute("DELETE FROM files WHERE path=?", (path,))


def index_file(db, f: Path, project: str, raw: str, include_tools: bool) -> int:
    skipped = 0
    seq = 0
    with f.open(encoding="utf-8", errors="ignore") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                skipped += 1
                continue
            msg = rec.get("message") or {}
            role = msg.get("role") or rec.get("type")
            if role not in ("user", "assistant"):
                continue
            text = extract_text(msg.get("content"), include_tools).strip()
            if not text:
                continue
            seq += 1
            cur = db.execute("INSERT INTO messages(session, project, ts, role, seq, file) VALUES (?,?,?,?,?,?)",
                             (rec.get("sessionId", f.stem), project, rec.get("timestamp", ""), role, seq, str(f)))
            db.execute("INSERT INTO messages_fts(rowid, text) VALUES (?, ?)", (cur.lastrowid, text))
            db.execute("INSERT INTO messages_fts_src(id, text) VALUES (?, ?)", (cur.lastrowid, text))
    st = f.stat()
    db.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?)", (str(f), st.st_size, st.st_mtime, project, raw, skipped))
    return seq


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--project", help="only index projects whose path contains this")
    ap.add_argument("--exclude-project", action="append", default=[])
    ap.add_argument("--include-tools", action="store_true", help="also index tool calls and results")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--forget", help="delete indexed rows for projects containing this substring")
    a = ap.parse_args()

    DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(DB_PATH)
    db.executescript(SCHEMA)
    # contentless FTS needs the original text for deletes and snippets
    db.execute("CREATE TABLE IF NOT EXISTS messages_fts_src(id INTEGER PRIMARY KEY, text TEXT)")
    os.chmod(DB_PATH, 0o600)

    if a.stats:
        n_s = db.execute("SELECT COUNT(DISTINCT session) FROM messages").fetchone()[0]
        n_m = db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
        sk = db.execute("SELECT COALESCE(SUM(skipped),0) FROM files").fetchone()[0]
        print(f"{n_s} sessions, {n_m} messages, {sk} skipped lines, {DB_PATH.stat().st_size/1e6:.1f} MB at {DB_PATH}")
        return
    if a.forget:
        paths = [r[0] for r in db.execute("SELECT path FROM files WHERE project LIKE ? OR raw_project LIKE ?",
                                          (f"%{a.forget}%", f"%{a.forget}%"))]
        for p in paths:
            delete_file_rows(db, p)
        db.commit()
        print(f"forgot {len(paths)} session file(s)")
        return

    if not LOG_ROOT.exists():
        sys.exit(f"no session logs at {LOG_ROOT}")
    seen, added, updated = set(), 0, 0
    for f in sorted(LOG_ROOT.glob("*/*.jsonl")):
        raw = f.parent.name
        project = decode_project(raw)
        if a.project and a.project not in project and a.project not in raw:
            continue
        if any(x in project or x in raw for x in a.exclude_project):
            continue
        seen.add(str(f))
        st = f.stat()
        row = db.execute("SELECT size, mtime FROM files WHERE path=?", (str(f),)).fetchone()
        if row and row[0] == st.st_size and row[1] == st.st_mtime:
            continue
        if row:
            delete_file_rows(db, str(f))
            updated += 1
        else:
            added += 1
        index_file(db, f, project, raw, a.include_tools)
    if not a.project:
        for (p,) in db.execute("SELECT path FROM files").fetchall():
            if p not in seen and not Path(p).exists():
                delete_file_rows(db, p)
    db.commit()
    print(f"indexed: {added} new, {updated} updated session file(s) -> {DB_PATH}")


if __name__ == "__main__":
    main()
