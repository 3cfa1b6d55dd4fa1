#!/usr/bin/env python3
"""Index file touches from local Claude Code transcripts (~/.claude/projects)."""
import argparse
import json
import os
import re
import shlex
import sqlite3
import sys
from pathlib import Path

PROJECTS = Path(os.environ.get("CLAUDE_CONFIG_DIR", Path.home() / ".claude")) / "projects"
DB = Path.home() / ".cache" / "claude-touch-index" / "index.sqlite"
FILE_TOOLS = {"Read", "Edit", "MultiEdit", "Write", "NotebookEdit"}
BASH_WRITE = re.compile(r"\b(sed -i|mv|cp|rm|touch|tee)\b")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, size INT, mtime REAL);
CREATE TABLE IF NOT EXISTS touches(
  session TEXT, project TEXT, ts TEXT, tool TEXT, path TEXT, prompt TEXT, source TEXT);
CREATE INDEX IF NOT EXISTS t_path ON touches(path);
CREATE INDEX IF NOT EXISTS t_session ON touches(session);
"""


def connect():
    DB.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(DB)
    con.executescript(SCHEMA)
    return con


def user_text(msg):
    c = msg.get("content")
    if isinstance(c, str):
        return c
    if isinstance(c, list):
        return " ".join(p.get("text", "") for p in c if isinstance(p, dict) and p.get("type") == "text")
    return ""


def parse_file(path):
    last_prompt, cwd, skipped = "", "", 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                skipped += 1
                continue
            cwd = rec.get("cwd", cwd)
            msg = rec.get("message") or {}
            if rec.get("type") == "user":
                t = user_text(msg).strip()
                if t and not t.startswith("<"):
                    last_prompt = t[:200]
                continue
            if rec.get("type") != "assistant" or not isinstance(msg.get("content"), list):
                continue
            for part in msg["content"]:
                if not isinstance(part, dict) or part.get("type") != "tool_use":
                    continue
                name, inp = part.get("name"), part.get("input") or {}
                if name in FILE_TOOLS:
                    fp = inp.get("file_path") or inp.get("notebook_path")
                    if fp:
                        yield rec.get("sessionId", path.stem), cwd, rec.get("timestamp", ""), name, fp, last_prompt
                elif name == "Bash" and BASH_WRITE.search(inp.get("command", "")):
                    try:
                        words = shlex.split(inp["command"])
                    except ValueError:
                        continue
                    for w in words:
                        if "/" in w or re.search(r"\.\w{1,5}$", w):
                            full = w if w.startswith("/") else os.path.normpath(os.path.join(cwd or "/", w))
                            yield rec.get("sessionId", path.stem), cwd, rec.get("timestamp", ""), "bash?", full, last_prompt
    if skipped:
        print(f"  {path.name}: skipped {skipped} unparseable lines", file=sys.stderr)


def cmd_build(a):
    con = connect()
    roots = [p for p in PROJECTS.iterdir() if p.is_dir()] if PROJECTS.exists() else []
    if a.project:
        enc = str(Path(a.project).resolve()).replace("/", "-")
        roots = [p for p in roots if p.name == enc]
    scanned = added = 0
    for root in roots:
        for f in root.glob("*.jsonl"):
            st = f.stat()
            row = con.execute("SELECT size, mtime FROM sources WHERE path=?", (str(f),)).fetchone()
            if row and row[0] == st.st_size and row[1] == st.st_mtime:
                continue
            con.execute("DELETE FROM touches WHERE source=?", (str(f),))
            rows = [(*r, str(f)) for r in parse_file(f)]
            con.executemany("INSERT INTO touches VALUES (?,?,?,?,?,?,?)", rows)
            con.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?)", (str(f), st.st_size, st.st_mtime))
            scanned += 1
            added += len(rows)
    con.commit()
    print(f"indexed {scanned} changed transcripts, {added} touches -> {DB}")


def cmd_file(a):
    con = connect()
    target = str(Path(a.path).resolve()) if not a.path.startswith("/") else a.path
    tools = ("Edit", "MultiEdit", "Write", "NotebookEdit", "bash?") if a.edits else None
    q = "SELECT ts, session, tool, path, prompt FROM touches WHERE (path=? OR path LIKE ?)"
    args = [target, "%/" + a.path.lstrip("./")]
    if tools:
        q += f" AND tool IN ({','.join('?' * len(tools))})"
        args += tools
    q += " ORDER BY ts DESC LIMIT ?"
    args.append(a.limit)
    for ts, sess, tool, path, prompt in con.execute(q, args):
        sid = sess if a.long else sess[:8]
        print(f"{ts[:16].replace('T', ' ')}  {sid}  {tool:<6} {path}")
        if a.context and prompt:
            print(f'    prompt: "{prompt}"')


def cmd_session(a):
    con = connect()
    for ts, tool, path in con.execute(
            "SELECT ts, tool, path FROM touches WHERE session LIKE ? ORDER BY ts", (a.session + "%",)):
        print(f"{ts[:19]}  {tool:<6} {path}")


def cmd_hot(a):
    con = connect()
    q = """SELECT path, COUNT(*) n, COUNT(DISTINCT session) s FROM touches
           WHERE tool != 'Read' AND ts >= date('now', ?) GROUP BY path ORDER BY n DESC LIMIT ?"""
    for path, n, s in con.execute(q, (f"-{a.days} days", a.limit)):
        print(f"{n:>4} edits  {s:>3} sessions  {path}")


def cmd_purge(a):
    if DB.exists():
        DB.unlink()
    print(f"removed {DB}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build"); b.add_argument("--project"); b.set_defaults(fn=cmd_build)
    f = sub.add_parser("file"); f.add_argument("path"); f.add_argument("--edits", action="store_true")
    f.add_argument("--context", action="store_true"); f.add_argument("--long", action="store_true")
    f.add_argument("--limit", type=int, default=20); f.set_defaults(fn=cmd_file)
    s = sub.add_parser("session"); s.add_argument("session"); s.set_defaults(fn=cmd_session)
    h = sub.add_parser("hot"); h.add_argument("--days", type=int, default=30); h.add_argument("--limit", type=int, default=20)
    h.set_defaults(fn=cmd_hot)
    p = sub.add_parser("purge"); p.set_defaults(fn=cmd_purge)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
