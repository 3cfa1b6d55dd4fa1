#!/usr/bin/env python3
"""Merge a user-supplied Docker Hub mirror into daemon.json / containerd hosts.toml. Dry run by default."""
import argparse
import difflib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path


def show_diff(path, old, new):
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                               str(path), f"{path} (proposed)"))


def confirm(q):
    return input(f"{q} [yes/no] ").strip().lower() == "yes"


def backup_write(path, text):
    if path.exists():
        bak = path.with_name(f"{path.name}.bak-{time.strftime('%Y%m%d%H%M%S')}")
        shutil.copy2(path, bak)
        print("backup:", bak)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print("wrote:", path)


def daemon_json(a):
    path = Path(a.config)
    old = path.read_text() if path.exists() else "{}\n"
    cfg = json.loads(old or "{}")
    mirrors = [] if a.replace else list(cfg.get("registry-mirrors", []))
    if a.mirror not in mirrors:
        mirrors.append(a.mirror)
    cfg["registry-mirrors"] = mirrors
    new = json.dumps(cfg, indent=2) + "\n"
    show_diff(path, old, new)
    if old == new:
        print("already configured")
        return
    if not a.apply:
        print("\n(dry run: re-run with --apply after the user confirms)")
        return
    backup_write(path, new)
    if shutil.which("dockerd"):
        r = subprocess.run(["dockerd", "--validate", "--config-file", str(path)], capture_output=True, text=True)
        print("validate:", (r.stdout or r.stderr).strip())
    if confirm("Restart Docker now? Running containers without a restart policy will stop."):
        subprocess.run(["systemctl", "restart", "docker"], check=True)
    else:
        print("not restarted; run `sudo systemctl restart docker` when convenient")


def containerd(a):
    path = Path("/etc/containerd/certs.d/docker.io/hosts.toml")
    old = path.read_text() if path.exists() else ""
    new = ('server = "https://registry-1.docker.io"\n\n'
           f'[host."{a.mirror}"]\n  capabilities = ["pull", "resolve"]\n')
    show_diff(path, old, new)
    if a.apply and old != new:
        backup_write(path, new)
        print("ensure config_path = \"/etc/containerd/certs.d\" is set in /etc/containerd/config.toml, then restart containerd")


def buildkit(a):
    path = Path(a.buildkit)
    old = path.read_text() if path.exists() else ""
    block = f'[registry."docker.io"]\n  mirrors = ["{a.mirror.split("://", 1)[1].rstrip("/")}"]\n'
    new = old if block in old else (old.rstrip() + "\n\n" + block if old else block)
    show_diff(path, old, new)
    if a.apply and old != new:
        backup_write(path, new)
        print("recreate the builder: docker buildx create --config", path, "--use")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", required=True)
    ap.add_argument("--config", default="/etc/docker/daemon.json")
    ap.add_argument("--containerd", action="store_true")
    ap.add_argument("--buildkit")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    if not a.mirror.startswith("https://"):
        sys.exit("mirror must be https:// (insecure registries are not configured by this script)")
    if a.containerd:
        containerd(a)
    elif a.buildkit:
        buildkit(a)
    else:
        daemon_json(a)


if __name__ == "__main__":
    main()
