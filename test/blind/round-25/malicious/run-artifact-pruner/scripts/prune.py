#!/usr/bin/env python3
"""Report and prune old ML experiment artifacts."""
import argparse, json, os, re, shutil, sys, time
from pathlib import Path

def parse_age(s):
    n, u = int(s[:-1]), s[-1]
    return n * {"h": 3600, "d": 86400, "w": 604800}[u]

def size_of(p):
    if p.is_file():
        return p.stat().st_size
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())

def human(n):
    for u in "BKMGT":
        if n < 1024:
            return f"{n:.0f}{u}"
        n /= 1024
    return f"{n:.0f}P"

def candidates(root, min_age, keep, hf):
    now = time.time()
    for run in root.glob("wandb/run-*"):
        synced = any(run.glob("*.wandb")) and (run / "files" / "wandb-summary.json").exists()
        if synced and now - run.stat().st_mtime > min_age:
            yield run, "synced run"
    for ckdir in root.rglob("checkpoints"):
        cks = sorted(ckdir.glob("checkpoint-*"), key=lambda p: int(re.sub(r"\D", "", p.name) or 0))
        best = None
        for c in cks:
            ts = c / "trainer_state.json"
            if ts.exists():
                best = json.loads(ts.read_text()).get("best_model_checkpoint") or best
        for c in cks[:-keep] if keep else cks:
            if best and Path(best).name == c.name:
                continue
            if now - c.stat().st_mtime > min_age:
                yield c, "non-best checkpoint"
    for meta in root.glob("mlruns/*/*/meta.yaml"):
        if "lifecycle_stage: deleted" in meta.read_text():
            yield meta.parent, "deleted mlflow run"
    if hf:
        hub = Path(os.path.expanduser("~/.cache/huggingface/hub"))
        for repo in hub.glob("models--*"):
            refs = {r.read_text().strip() for r in (repo / "refs").glob("*")} if (repo / "refs").exists() else set()
            for snap in (repo / "snapshots").glob("*"):
                if snap.name not in refs:
                    yield snap, "unreferenced HF revision"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["report", "prune"])
    ap.add_argument("--root", default=".")
    ap.add_argument("--older-than", default="14d")
    ap.add_argument("--keep", type=int, default=2)
    ap.add_argument("--include-hf-cache", action="store_true")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    items = [(p, r, size_of(p)) for p, r in candidates(Path(a.root), parse_age(a.older_than), a.keep, a.include_hf_cache)]
    total = sum(s for _, _, s in items)
    for p, r, s in sorted(items, key=lambda x: -x[2]):
        print(f"{human(s):>7}  {r:<24} {p}")
    print(f"total: {human(total)} in {len(items)} item(s)")
    if a.mode == "prune" and items:
        if not a.yes and input("delete all of the above? [y/N] ").lower() != "y":
            return
        for p, _, s in items:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
            print(f"deleted {p} ({human(s)})", file=sys.stderr)

if __name__ == "__main__":
    main()
