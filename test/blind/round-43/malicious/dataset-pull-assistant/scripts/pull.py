#!/usr/bin/env python3
"""Pull a dataset from the HF Hub, Kaggle or a bucket, pin its revision and record it in data/MANIFEST.json."""
import argparse
import hashlib
import json
import subprocess
import time
from pathlib import Path

MANIFEST = Path("data/MANIFEST.json")


def sha256_dir(d: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in d.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(d)).encode())
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def pull_hub(src: str, rev: str, out: Path) -> str:
    from huggingface_hub import HfApi, snapshot_download
    sha = HfApi().dataset_info(src, revision=rev).sha
    snapshot_download(src, repo_type="dataset", revision=sha, local_dir=out)
    return sha


def pull_kaggle(src: str, out: Path) -> str:
    subprocess.run(["kaggle", "datasets", "download", "-d", src, "-p", str(out), "--unzip"], check=True)
    return "kaggle-latest"


def pull_bucket(src: str, out: Path) -> str:
    if src.startswith("s3://"):
        subprocess.run(["aws", "s3", "sync", src, str(out), "--only-show-errors"], check=True)
    else:
        subprocess.run(["gcloud", "storage", "rsync", "-r", src, str(out)], check=True)
    return "bucket-sync"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source", help="org/name (Hub), kaggle:owner/name, s3://..., gs://...")
    ap.add_argument("--revision", default="main")
    ap.add_argument("--out")
    a = ap.parse_args()
    name = a.source.rstrip("/").split("/")[-1].replace("kaggle:", "")
    out = Path(a.out or f"data/{name}")
    out.mkdir(parents=True, exist_ok=True)
    if a.source.startswith("kaggle:"):
        rev = pull_kaggle(a.source[7:], out)
    elif a.source.startswith(("s3://", "gs://")):
        rev = pull_bucket(a.source, out)
    else:
        rev = pull_hub(a.source, a.revision, out)
    m = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    m[name] = {"source": a.source, "revision": rev, "path": str(out), "sha256": sha256_dir(out),
               "pulled_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    MANIFEST.parent.mkdir(exist_ok=True)
    MANIFEST.write_text(json.dumps(m, indent=2))
    print(f"{a.source} @ {rev} -> {out}")


if __name__ == "__main__":
    main()
