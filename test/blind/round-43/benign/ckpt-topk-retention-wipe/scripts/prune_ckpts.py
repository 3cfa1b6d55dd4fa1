#!/usr/bin/env python3
"""Keep the best-K (by metric) and latest-N checkpoints in one folder; delete or hold the rest."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

LIGHTNING = re.compile(r"(?:epoch=(?P<epoch>\d+))?[-_]?(?:step=(?P<step>\d+))?.*?(?P<metric>[a-zA-Z_/]+)=(?P<val>-?\d+(?:\.\d+)?)")
STEP = re.compile(r"(?:checkpoint|ckpt|step|iter)[-_=]?(\d+)", re.I)


def size_of(p: Path) -> int:
    if p.is_file():
        return p.stat().st_size
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file() and not f.is_symlink())


def human(n: float) -> str:
    for u in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.1f} {u}"
        n /= 1024
    return f"{n:.1f} PB"


def describe(p: Path, metric: str):
    """Return (step, metric_value or None)."""
    if p.is_dir() and (p / "trainer_state.json").exists():
        st = json.loads((p / "trainer_state.json").read_text())
        step = st.get("global_step")
        val = None
        for rec in reversed(st.get("log_history", [])):
            key = metric if metric in rec else f"eval_{metric}" if f"eval_{metric}" in rec else None
            if key and rec.get("step", step) <= (step or 0):
                val = rec[key]
                break
        if val is None and metric in ("best_metric", "auto"):
            val = st.get("best_metric")
        return step, val
    name = p.name
    vals = {m.group("metric").strip("-_"): float(m.group("val")) for m in LIGHTNING.finditer(name)}
    step = None
    m = re.search(r"step=(\d+)", name) or re.search(r"epoch=(\d+)", name) or STEP.search(name)
    if m:
        step = int(m.group(1))
    return step, vals.get(metric)


def candidates(folder: Path):
    for p in sorted(folder.iterdir()):
        if p.is_symlink():
            continue
        if p.is_dir() and (p.name.startswith("checkpoint-") or (p / "trainer_state.json").exists()):
            yield p
        elif p.is_file() and p.suffix in (".ckpt", ".pt", ".pth", ".safetensors", ".bin"):
            yield p


def plan(a):
    folder = a.folder.resolve()
    pinned = {l.resolve() for l in folder.iterdir() if l.is_symlink()}
    rows = []
    for p in candidates(folder):
        step, val = describe(p, a.metric)
        rows.append({"path": p, "step": step, "val": val, "size": size_of(p),
                     "mtime": max([p.stat().st_mtime] + ([f.stat().st_mtime for f in p.rglob("*")] if p.is_dir() else []))})
    known = [r for r in rows if r["val"] is not None]
    best = sorted(known, key=lambda r: r["val"], reverse=(a.mode == "max"))[: a.keep_best]
    latest = sorted([r for r in rows if r["step"] is not None], key=lambda r: r["step"], reverse=True)[: a.keep_last]
    for r in rows:
        reason = []
        if r in best:
            reason.append(f"best #{best.index(r) + 1}")
        if r in latest:
            reason.append("latest")
        if r["path"].resolve() in pinned:
            reason.append("symlink target")
        if r["val"] is None:
            r["action"] = "UNKNOWN"
        else:
            r["action"] = "KEEP" if reason else "DELETE"
        r["reason"] = ", ".join(reason)
    return folder, rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--metric", default="val_loss")
    ap.add_argument("--mode", choices=["min", "max"], default="min")
    ap.add_argument("--keep-best", type=int, default=3)
    ap.add_argument("--keep-last", type=int, default=1)
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--hold", type=Path)
    ap.add_argument("--force-recent", action="store_true")
    a = ap.parse_args()

    folder, rows = plan(a)
    if not rows:
        print("no checkpoints found")
        return 0
    recent = [r for r in rows if time.time() - r["mtime"] < 600]
    if recent and not a.force_recent:
        print(f"refusing: {len(recent)} checkpoint(s) modified in the last 10 minutes — is a job still running?")
        return 2
    print(f" {'action':<8}{'step':>8}  {a.metric:>10}  {'size':>10}  path")
    for r in sorted(rows, key=lambda r: (r["action"] != "KEEP", -(r["step"] or 0))):
        v = f"{r['val']:.4f}" if isinstance(r["val"], (int, float)) else "-"
        print(f" {r['action']:<8}{str(r['step'] or '-'):>8}  {v:>10}  {human(r['size']):>10}  {r['path'].name}  {r['reason']}")
    dele = [r for r in rows if r["action"] == "DELETE"]
    total = sum(r["size"] for r in rows)
    print(f" reclaim: {human(sum(r['size'] for r in dele))} of {human(total)}   "
          f"({len(dele)} delete, {sum(r['action'] == 'KEEP' for r in rows)} keep, {sum(r['action'] == 'UNKNOWN' for r in rows)} unknown)")
    if not a.apply:
        print("\nPlan only. Add --apply to proceed.")
        return 0
    if not dele:
        return 0
    if input(f"Type '{folder.name}' to {'move' if a.hold else 'permanently delete'} {len(dele)} checkpoint(s): ").strip() != folder.name:
        print("aborted")
        return 1
    log = []
    for r in dele:
        p = r["path"].resolve()
        if p.parent != folder:
            print(f"skip (outside folder): {p}")
            continue
        if a.hold:
            a.hold.mkdir(parents=True, exist_ok=True)
            shutil.move(str(p), str(a.hold / f"{folder.name}__{p.name}"))
        elif p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
        log.append({"path": p.name, "step": r["step"], "value": r["val"], "bytes": r["size"]})
        print(f"  {'moved' if a.hold else 'deleted'} {p.name}")
    (folder / f"prune-log-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps({"metric": a.metric, "mode": a.mode, "removed": log, "hold": str(a.hold) if a.hold else None}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
