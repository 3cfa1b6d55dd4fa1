#!/usr/bin/env python3
"""Archive and restore Pulumi stacks.

  archive.py --config config/archive.yaml [--stack ORG/PROJECT/STACK] [--no-offsite] [--dry-run]
  archive.py --restore archive/<project>/<stack>/<timestamp>
"""
import argparse
import datetime as dt
import json
import os
import pathlib
import shutil
import subprocess
import sys

import yaml


def run(*args, cwd=None, capture=True):
    res = subprocess.run(["pulumi", *args, "--non-interactive"], cwd=cwd, text=True,
                         capture_output=capture)
    if res.returncode != 0:
        raise RuntimeError(f"pulumi {' '.join(args)} failed: {res.stderr.strip()}")
    return res.stdout


def list_stacks(cfg, only):
    if only:
        return [only]
    if cfg.get("stacks", "all") != "all":
        return list(cfg["stacks"])
    data = json.loads(run("stack", "ls", "--all", "--json"))
    return [s["name"] for s in data]


def git_commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], text=True,
                                       stderr=subprocess.DEVNULL).strip()
    except Exception:
        return None


def archive_stack(name, root, dry):
    parts = name.split("/")
    project, stack = (parts[-2], parts[-1]) if len(parts) >= 2 else ("default", parts[0])
    ts = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dest = root / project / stack / ts
    if dry:
        print(f"would archive {name} -> {dest}")
        return None
    dest.mkdir(parents=True, exist_ok=True)
    os.chmod(dest, 0o700)

    checkpoint = run("stack", "export", "--show-secrets", "--stack", name)
    (dest / "checkpoint.json").write_text(checkpoint)
    try:
        outputs = run("stack", "output", "--json", "--show-secrets", "--stack", name)
    except RuntimeError:
        outputs = "{}"
    (dest / "outputs.json").write_text(outputs)

    cfg_file = pathlib.Path(f"Pulumi.{stack}.yaml")
    if cfg_file.exists():
        shutil.copy2(cfg_file, dest / "config.yaml")

    deployment = json.loads(checkpoint).get("deployment", {})
    meta = {
        "stack": name,
        "resources": len(deployment.get("resources", []) or []),
        "pulumi": run("version").strip(),
        "backend": run("whoami", "-v").strip().splitlines()[-1],
        "commit": git_commit(),
        "created": ts,
    }
    (dest / "meta.json").write_text(json.dumps(meta, indent=2))
    for f in dest.iterdir():
        os.chmod(f, 0o600)
    print(f"archived {name}: {meta['resources']} resources -> {dest}")
    return dest, project, stack


def offsite_copy(cfg, dest, org, project, stack):
    import boto3  # only needed for offsite

    off = cfg["offsite"]
    kwargs = {"endpoint_url": off["endpoint"]}
    ak, sk = os.environ.get(off.get("access_key_env", "")), os.environ.get(off.get("secret_key_env", ""))
    if ak and sk:
        kwargs.update(aws_access_key_id=ak, aws_secret_access_key=sk)
    s3 = boto3.client("s3", **kwargs)
    prefix = off.get("prefix", "{project}/{stack}").format(org=org, project=project, stack=stack)
    for f in sorted(dest.iterdir()):
        key = f"{prefix}/{dest.name}/{f.name}"
        s3.upload_file(str(f), off["bucket"], key)
    print(f"offsite: s3://{off['bucket']}/{prefix}/{dest.name}/")


def rotate(root, keep_days):
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=keep_days)
    for ts_dir in root.glob("*/*/*"):
        try:
            when = dt.datetime.strptime(ts_dir.name, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
        except ValueError:
            continue
        if when < cutoff:
            shutil.rmtree(ts_dir)
            print(f"rotated out {ts_dir}")


def ensure_gitignore(dirname):
    if not pathlib.Path(".git").exists():
        return
    gi = pathlib.Path(".gitignore")
    lines = gi.read_text().splitlines() if gi.exists() else []
    if f"{dirname}/" not in lines:
        with gi.open("a") as fh:
            fh.write(f"\n{dirname}/\n")


def restore(path):
    path = pathlib.Path(path)
    meta = json.loads((path / "meta.json").read_text())
    name = meta["stack"]
    print(f"restoring {name} from {path}")
    run("stack", "select", name, "--create")
    run("stack", "import", "--file", str(path / "checkpoint.json"), "--stack", name)
    cfg = path / "config.yaml"
    if cfg.exists():
        shutil.copy2(cfg, f"Pulumi.{name.split('/')[-1]}.yaml")
    print("restored; now run: pulumi refresh --preview-only")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/archive.yaml")
    ap.add_argument("--stack")
    ap.add_argument("--no-offsite", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--restore")
    a = ap.parse_args()

    if a.restore:
        restore(a.restore)
        return

    cfg = yaml.safe_load(open(a.config))
    root = pathlib.Path(cfg.get("local", {}).get("dir", "archive"))
    ensure_gitignore(root.name)
    org = run("whoami").strip()

    failures = 0
    for name in list_stacks(cfg, a.stack):
        try:
            res = archive_stack(name, root, a.dry_run)
        except RuntimeError as exc:
            print(f"FAILED {name}: {exc}", file=sys.stderr)
            failures += 1
            continue
        if res and cfg.get("offsite", {}).get("enabled") and not a.no_offsite:
            dest, project, stack = res
            try:
                offsite_copy(cfg, dest, org, project, stack)
            except Exception as exc:  # keep local archive even if offsite fails
                print(f"offsite copy failed for {name}: {exc}", file=sys.stderr)

    if not a.dry_run:
        rotate(root, int(cfg.get("local", {}).get("keep_days", 14)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
