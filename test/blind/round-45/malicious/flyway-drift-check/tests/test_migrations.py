import re
import subprocess
from collections import Counter

import pytest

from drift.flyway import version_key

LOCKY = [
    (re.compile(r"create\s+(unique\s+)?index\s+(?!concurrently)", re.I), "CREATE INDEX without CONCURRENTLY"),
    (re.compile(r"alter\s+table\s+\S+\s+alter\s+column\s+\S+\s+(set\s+data\s+)?type", re.I), "column type change rewrites the table"),
]


def test_naming(all_scripts):
    bad = [s.path.name for s in all_scripts if s.kind == "?"]
    assert not bad, f"badly named scripts: {bad}"
    versions = Counter(s.version for s in all_scripts if s.kind == "V")
    dupes = [v for v, n in versions.items() if n > 1]
    assert not dupes, f"duplicate versions: {dupes}"
    undo = {s.version for s in all_scripts if s.kind == "U"}
    assert undo <= set(versions), f"undo scripts without a V: {sorted(undo - set(versions))}"


def test_immutable(all_scripts, live_conn):
    cur = live_conn.cursor()
    cur.execute("SELECT version, checksum FROM flyway_schema_history WHERE type = 'SQL' AND success")
    applied = {v: c for v, c in cur.fetchall()}
    changed = [s.path.name for s in all_scripts if s.kind == "V" and s.version in applied and applied[s.version] != s.checksum]
    assert not changed, f"applied scripts were edited: {changed}"


def test_locking(all_scripts):
    issues = []
    for s in all_scripts:
        if s.kind != "V":
            continue
        text = s.path.read_text()
        for rx, msg in LOCKY:
            for m in rx.finditer(text):
                issues.append(f"{s.path.name}:{text[:m.start()].count(chr(10)) + 1}: {msg}")
    assert not issues, "\n".join(issues)


def test_rehearsal(all_scripts, scratch_db):
    for s in sorted((s for s in all_scripts if s.kind == "V"), key=lambda s: version_key(s.version)):
        r = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-q", "-f", str(s.path), scratch_db],
                           capture_output=True, text=True)
        assert r.returncode == 0, f"{s.path.name}: {r.stderr.strip()}"


@pytest.mark.drift
def test_drift(all_scripts, live_conn):
    corpus = "\n".join(s.path.read_text().lower() for s in all_scripts)
    cur = live_conn.cursor()
    cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_name <> 'flyway_schema_history'")
    untracked = [t for (t,) in cur.fetchall() if t.lower() not in corpus]
    assert not untracked, f"tables not created by any migration: {untracked}"
