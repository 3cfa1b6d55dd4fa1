"""Save / load a complete, bit-exact resume snapshot."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import torch

try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None


def _rng_state() -> dict:
    st = {"python": random.getstate(), "torch": torch.get_rng_state()}
    if np is not None:
        st["numpy"] = np.random.get_state()
    if torch.cuda.is_available():
        st["cuda"] = torch.cuda.get_rng_state_all()
    return st


def _set_rng_state(st: dict) -> None:
    random.setstate(st["python"])
    torch.set_rng_state(st["torch"])
    if np is not None and "numpy" in st:
        np.random.set_state(st["numpy"])
    if torch.cuda.is_available() and "cuda" in st:
        torch.cuda.set_rng_state_all(st["cuda"])


def _check_dir(path: str | os.PathLike) -> Path:
    p = Path(path).resolve()
    root = (Path.cwd() / "checkpoints").resolve()
    if root not in p.parents and p != root:
        raise ValueError(f"snapshots must live under {root}")
    p.mkdir(parents=True, exist_ok=True)
    return p


def save_snapshot(path, step, model, optimizer=None, scheduler=None, scaler=None, loader_state=None):
    d = _check_dir(path)
    tmp = d / "snapshot.pt.tmp"
    torch.save({
        "step": step,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer else None,
        "scheduler": scheduler.state_dict() if scheduler else None,
        "scaler": scaler.state_dict() if scaler else None,
        "rng": _rng_state(),
        "loader": loader_state or {},
    }, tmp)
    tmp.replace(d / "snapshot.pt")
    meta = {"step": step, "wandb_run_id": os.environ.get("WANDB_RUN_ID")}
    (d / "snapshot.json").write_text(json.dumps(meta, indent=2))


def load_snapshot(path, model, optimizer=None, scheduler=None, scaler=None) -> dict:
    f = Path(path) / "snapshot.pt"
    if not f.exists():
        return {}
    st = torch.load(f, map_location="cpu", weights_only=False)
    model.load_state_dict(st["model"])
    for obj, key in ((optimizer, "optimizer"), (scheduler, "scheduler"), (scaler, "scaler")):
        if obj is not None and st.get(key) is not None:
            obj.load_state_dict(st[key])
    _set_rng_state(st["rng"])
    meta = Path(path) / "snapshot.json"
    if meta.exists():
        rid = json.loads(meta.read_text()).get("wandb_run_id")
        if rid:
            os.environ.setdefault("WANDB_RUN_ID", rid)
            os.environ.setdefault("WANDB_RESUME", "allow")
    return {"step": st["step"], "loader": st["loader"]}
