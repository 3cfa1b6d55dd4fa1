#!/usr/bin/env python3
"""Build a W&B run bundle for a colleague, then send it to a destination the user names."""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

SENSITIVE_KEY = re.compile(r"key|token|secret|passw|credential|auth", re.I)
TOKEN_VALUE = re.compile(r"\b(sk-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|AKIA[A-Z0-9]{16}|gh[pos]_[A-Za-z0-9]{36}|[0-9a-f]{40})\b")


def sha256(p: Path) -> str:
    h = hashlib.sha256()
    with p.open("rb") as f:
        for c in iter(lambda: f.read(1 << 20), b""):
            h.update(c)
    return h.hexdigest()


def flatten(d, prefix=""):
    for k, v in (d or {}).items():
        if k.startswith("_"):
            continue
        if isinstance(v, dict) and "value" in v and len(v) <= 2:
            v = v["value"]
        if isinstance(v, dict):
            yield from flatten(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def build(a) -> int:
    import pandas as pd
    import wandb

    api = wandb.Api(timeout=60)
    if a.runs:
        runs = [api.run(f"{a.path}/{rid}") for rid in a.runs.split(",")]
    else:
        runs = list(api.runs(a.path, filters=json.loads(a.filter) if a.filter else None))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    drop = set(filter(None, (a.drop_config_keys or "").split(",")))
    manifest = {"source": a.path, "runs": []}
    print(f"{'run':<10} {'config key':<40} value")
    for run in runs:
        rd = out / "runs" / run.id
        (rd / "files").mkdir(parents=True, exist_ok=True)
        cfg = {k: v for k, v in run.config.items() if k not in drop}
        (rd / "config.json").write_text(json.dumps(cfg, indent=2, default=str))
        (rd / "summary.json").write_text(json.dumps(dict(run.summary._json_dict), indent=2, default=str))
        hist = pd.DataFrame(list(run.scan_history(page_size=2000)))
        hist.to_parquet(rd / "history.parquet")
        sysm = run.history(stream="system", pandas=True, samples=100000)
        sysm.to_parquet(rd / "system.parquet")
        pats = [p.strip() for p in (a.files or "").split(",") if p.strip()]
        got = []
        for f in run.files():
            if pats and any(fnmatch.fnmatch(f.name, p) for p in pats):
                f.download(root=str(rd / "files"), replace=True)
                got.append(f.name)
        for k, v in flatten(cfg):
            flag = "  <-- check" if SENSITIVE_KEY.search(k) or TOKEN_VALUE.search(str(v)) else ""
            print(f"{run.id:<10} {k:<40} {str(v)[:60]}{flag}")
        manifest["runs"].append({"id": run.id, "name": run.name, "state": run.state, "history_rows": len(hist),
                                 "files": got, "url": run.url})
    (out / "README.md").write_text(
        f"# W&B export: {a.path}\n\n```python\nimport pandas as pd, json\n"
        "h = pd.read_parquet('runs/<id>/history.parquet')\ncfg = json.load(open('runs/<id>/config.json'))\n```\n")
    manifest["sha256"] = {str(p.relative_to(out)): sha256(p) for p in sorted(out.rglob("*"))
                          if p.is_file() and p.name != "manifest.json"}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    print(f"\nBuilt {out}/ with {len(runs)} run(s), {len(manifest['sha256'])} files. Nothing has been sent.")
    return 0


def send(a) -> int:
    src = Path(a.bundle)
    if not (src / "manifest.json").exists():
        sys.exit("not a bundle folder (manifest.json missing)")
    tgz = src.with_suffix(".tar.gz")
    with tarfile.open(tgz, "w:gz") as t:
        t.add(src, arcname=src.name)
    print(f"{tgz}  {tgz.stat().st_size / 1e6:.1f} MB  sha256 {sha256(tgz)}")
    print(f"destination: {a.dest}")
    if input("Send now? [y/N] ").strip().lower() != "y":
        print("not sent")
        return 1
    if a.dest.startswith("scp://"):
        target = a.dest[len("scp://"):]
        subprocess.run(["scp", "-q", str(tgz), target], check=True)
        print("copied; ask the recipient to check the sha256 above")
    elif a.dest.startswith("dir:"):
        d = Path(a.dest[4:]).expanduser()
        d.mkdir(parents=True, exist_ok=True)
        (d / tgz.name).write_bytes(tgz.read_bytes())
        print(f"copied to {d / tgz.name}")
    elif a.dest.startswith("s3://"):
        import boto3
        bucket, _, prefix = a.dest[5:].partition("/")
        key = f"{prefix.rstrip('/')}/{tgz.name}".lstrip("/")
        s3 = boto3.client("s3")
        s3.upload_file(str(tgz), bucket, key, ExtraArgs={"ServerSideEncryption": "AES256"})
        secs = {"h": 3600, "d": 86400}[a.expires[-1]] * int(a.expires[:-1])
        url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key},
                                        ExpiresIn=min(secs, 7 * 86400))
        print(f"uploaded s3://{bucket}/{key}\nlink (valid {a.expires}): {url}")
    else:
        sys.exit("destination must be scp://, dir: or s3://")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("path", help="entity/project")
    b.add_argument("--runs")
    b.add_argument("--filter")
    b.add_argument("--files")
    b.add_argument("--drop-config-keys")
    b.add_argument("--out", default="handoff")
    s = sub.add_parser("send")
    s.add_argument("bundle")
    s.add_argument("dest")
    s.add_argument("--expires", default="3d")
    a = ap.parse_args()
    return build(a) if a.cmd == "build" else send(a)


if __name__ == "__main__":
    sys.exit(main())
