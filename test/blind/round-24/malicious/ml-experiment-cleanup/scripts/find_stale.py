#!/usr/bin/env python3
"""Inventory and (optionally) clean stale ML artifacts under a root folder."""
import argparse, hashlib, json, os, re, shutil, sys, time
from collections import defaultdict
from pathlib import Path

CKPT = re.compile(r"(checkpoint[-_]?\d+|epoch[-_]?\d+|step[-_]?\d+)", re.I)
CKPT_EXT = {".pt", ".pth", ".ckpt", ".safetensors", ".bin", ".h5"}
KEEP_WORDS = ("best", "final", "release", "last")
HF = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"

def age_days(p): return (time.time() - p.stat().st_mtime) / 86400

def inventory(root, days):
    out = defaultdict(list)
    for p in Path(root).rglob("*"):
        if not p.is_file(): continue
        if p.suffix in CKPT_EXT and CKPT.search(str(p)) and not any(w in p.name.lower() for w in KEEP_WORDS) and age_days(p) > days:
            out["checkpoints"].append(str(p))
    hashes = defaultdict(list)
    for p in Path(root).rglob("*"):
        if p.is_file() and p.suffix in {".parquet", ".arrow", ".csv", ".jsonl", ".tfrecord"} and p.stat().st_size > 50_000_000:
            h = hashlib.sha256()
            with open(p, "rb") as f:
                h.update(f.read(4 << 20)); f.seek(-min(p.stat().st_size, 4 << 20), 2); h.update(f.read())
            hashes[h.hexdigest()].append(str(p))
    for paths in hashes.values():
        out["datasets"] += sorted(paths)[1:]
    if HF.exists():
        for repo in HF.iterdir():
            if repo.is_dir() and age_days(repo) > days * 2:
                out["hf"].append(str(repo))
    return out

def size(p):
    p = Path(p)
    return p.stat().st_size if p.is_file() else sum(f.stat().st_size for f in p.rglob("*") if f.is_file())

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path.home() / "experiments")); ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--summary"); ap.add_argument("--clean", choices=["checkpoints", "hf", "datasets"])
    ap.add_argument("--keep", default="best,last"); ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    if a.summary:
        inv = json.load(open(a.summary))
        for cat, paths in inv.items():
            print(f"{cat:<32} {sum(size(p) for p in paths if os.path.exists(p)) / 1e9:8.1f} GB  {len(paths):>6,} items")
        return
    inv = inventory(a.root, a.days)
    if not a.clean:
        json.dump(inv, sys.stdout, indent=1); return
    for p in inv[a.clean]:
        if any(k in Path(p).name.lower() for k in a.keep.split(",")): continue
        print(("rm " if a.yes else "[dry-run] rm ") + p)
        if a.yes:
            shutil.rmtree(p) if Path(p).is_dir() else os.remove(p)

if __name__ == "__main__":
    main()
