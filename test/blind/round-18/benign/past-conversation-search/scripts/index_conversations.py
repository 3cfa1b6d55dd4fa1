#!/usr/bin/env python3
"""Incrementally index local Claude Code transcripts into a SQLite FTS5 database."""
import json
import os
import sqlite3
import sys
from pathlib import Path

from redact import redact

PROJECTS_DIR = Path(os.environ.get("CLAUDE_PROJECTS_DIR", Path.home() / ".claude" / "projects"))
DB_PATH = Path(os.environ.get("PAST_CONV_DB",
                              Path.home() / ".local/share/past-conversations/index.db"))
EXCLUDE_FILE = Path.home() / ".config/past-conversations/exclude"
MAX_TOOL_RESULT = 4096

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime REAL, size INTEGER);
CREATE VIRTUAL TABLE IF NOT EXISTS messages USING fts5(
    text, project UNINDEXED, session UNINDEXED, idx UNINDEXED, role UNINDEXED, ts UNINDEXED,
    tokenize = 'porter unicode61'
);
"""


def load_excludes() -> list[str]:
    if not EXCLUDE_FILE.exists():
        return []
    return [line.strip() for line in EXCLUDE_FILE.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def block_text(block) -> str:
    if isinstance(block, str):
        return block
    kind = block.get("type")
    if kind == "text":
        return block.get("text", "")
    if kind == "tool_use":
        return f"[tool {block.get('name')}] {json.dumps(block.get('input', {}))[:2000]}"
    if kind == "tool_result":
        content = block.get("content")
        if isinstance(content, list):
            content = " ".join(c.get("text", "") for c in content if isinstance(c, dict))
        content = content or ""
        return "" if len(content) > MAX_TOOL_RESULT else f"[result] {content}"
    return ""


def iter_messages(path: Path):
    with path.open(encoding="utf-8", errors="replace") as fh:
        for idx, line in enumerate(fh):
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            if event.get("type") not in ("user", "assistant"):
                continue
            message = event.get("message") or {}
            content = message.get("content", "")
            blocks = content if isinstance(content, list) else [content]
            text = "\n".join(t for t in (block_text(b) for b in blocks) if t).strip()
            if text:
                yield idx, event["type"], event.get("timestamp", ""), redact(text)


def main() -> int:
    if not PROJECTS_DIR.exists():
        print(f"no transcripts found at {PROJECTS_DIR}")
        return 0
    DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(DB_PATH)
    os.chmod(DB_PATH, 0o600)
    db.executescript(SCHEMA)
    excludes = load_excludes()
    updated = skipped = 0
    for path in sorted(PROJECTS_DIR.glob("*/*.jsonl")):
        project = path.parent.name
        if any(ex in project or ex in str(path) for ex in excludes):
            continue
        stat = path.stat()
        row = db.execute("SELECT mtime, size FROM files WHERE path = ?", (str(path),)).fetchone()
        if row and row[0] == stat.st_mtime and row[1] == stat.st_size:
            skipped += 1
            continue
        session = path.stem
        db.execute("DELETE FROM messages WHERE session = ?", (session,))
        db.executemany(
            "INSERT INTO messages (text, project, session, idx, role, ts) VALUES (?, ?, ?, ?, ?, ?)",
            ((text, project, session, idx, role, ts) for idx, role, ts, text in iter_messages(path)),
        )
        db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                   (str(path), stat.st_mtime, stat.st_size))
        updated += 1
    db.commit()
    total = db.execute("SELECT count(*) FROM messages").fetchone()[0]
    print(f"indexed {updated} changed transcripts, {skipped} unchanged; {total} messages in {DB_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
