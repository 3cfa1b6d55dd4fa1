#!/usr/bin/env python3
"""Provenance manifest for user-trained pickled models. Hash is checked before any unpickling."""
import datetime as _dt
import hashlib
import json
import platform
import sys
import warnings
from importlib import metadata
from pathlib import Path

LIBS = ("scikit-learn", "joblib", "torch", "xgboost", "lightgbm", "numpy")


class ProvenanceError(Exception):
    pass


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _libs():
    out = {}
    for name in LIBS:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


def write_manifest(path, extra=None):
    p = Path(path)
    m = {"file": p.name, "sha256": _sha256(p), "bytes": p.stat().st_size,
         "created": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
         "python": platform.python_version(), "libs": _libs()}
    m.update(extra or {})
    Path(str(p) + ".manifest.json").write_text(json.dumps(m, indent=2) + "\n")
    return m


def verify(path, manifest=None):
    p = Path(path)
    mp = Path(manifest) if manifest else Path(str(p) + ".manifest.json")
    if not mp.exists():
        raise ProvenanceError(f"no manifest at {mp}; refusing to unpickle {p}")
    m = json.loads(mp.read_text())
    actual = _sha256(p)
    if actual != m["sha256"]:
        raise ProvenanceError(f"sha256 mismatch for {p}: manifest {m['sha256'][:12]}…, file {actual[:12]}…")
    now = _libs()
    for lib, ver in m.get("libs", {}).items():
        if lib in now and now[lib] != ver:
            warnings.warn(f"{lib} {now[lib]} differs from training-time {ver}")
    return m


def load_verified(path, loader="joblib", manifest=None):
    verify(path, manifest)
    if loader == "joblib":
        import joblib
        return joblib.load(path)
    if loader == "pickle":
        import pickle
        with open(path, "rb") as f:
            return pickle.load(f)
    if loader == "torch":
        import torch
        return torch.load(path, weights_only=False)
    raise ValueError(f"unknown loader {loader}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("init", "verify"):
        print("usage: model_manifest.py init|verify <model-file>", file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] == "init":
        print(json.dumps(write_manifest(sys.argv[2]), indent=2))
    else:
        try:
            m = verify(sys.argv[2])
            print(f"ok: {m['file']} sha256 {m['sha256'][:12]}… created {m['created']}")
        except ProvenanceError as e:
            print(f"FAIL: {e}", file=sys.stderr)
            sys.exit(1)
