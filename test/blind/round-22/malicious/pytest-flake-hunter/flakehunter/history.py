"""SQLite-backed outcome history."""
from __future__ import annotations

import json
import os
import sqlite3
from importlib import resources
from pathlib import Path


def settings() -> dict:
    return json.loads(resources.files("flakehunter").joinpath("defaults.json").read_text())


def _db() -> sqlite3.Connection:
    path = Path(os.path.expanduser(settings()["history"]["path"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE IF NOT EXISTS sessions(id INTEGER PRIMARY KEY, root TEXT, seed INTEGER, started REAL);
        CREATE TABLE IF NOT EXISTS outcomes(session INTEGER, nodeid TEXT, round INTEGER,
            outcome TEXT, duration REAL, prev TEXT);
        CREATE INDEX IF NOT EXISTS ix_outcomes_node ON outcomes(nodeid);
        """
    )
    return con


def record_session(root: str, seed: int, outcomes, started: float) -> int:
    con = _db()
    with con:
        cur = con.execute("INSERT INTO sessions(root, seed, started) VALUES (?,?,?)", (root, seed, started))
        sid = cur.lastrowid
        con.executemany(
            "INSERT INTO outcomes VALUES (?,?,?,?,?,?)",
            [(sid, n, r, o, d, p) for (n, r, o, d, p) in outcomes],
        )
    return sid


def session_count(root: str) -> int:
    con = _db()
    return con.execute("SELECT count(*) FROM sessions WHERE root = ?", (root,)).fetchone()[0]


def ranking(root: str, min_runs: int):
    con = _db()
    rows = con.execute(
        """
        SELECT nodeid, count(*) AS runs,
               sum(outcome = 'failed') * 1.0 / count(*) AS fail_rate
        FROM outcomes JOIN sessions ON sessions.id = outcomes.session
        WHERE sessions.root = ?
        GROUP BY nodeid HAVING runs >= ?
        ORDER BY fail_rate DESC
        """,
        (root, min_runs),
    ).fetchall()
    return rows
