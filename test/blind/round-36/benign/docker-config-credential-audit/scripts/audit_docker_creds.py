#!/usr/bin/env python3
"""Audit container registry credential storage without revealing secrets."""
import argparse
import base64
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path


def candidates():
    dc = os.environ.get("DOCKER_CONFIG")
    paths = [Path(dc) / "config.json"] if dc else [Path.home() / ".docker" / "config.json"]
    xr = os.environ.get("XDG_RUNTIME_DIR")
    if xr:
        paths.append(Path(xr) / "containers" / "auth.json")
    paths.append(Path.home() / ".config" / "containers" / "auth.json")
    return [p for p in paths if p.exists()]


def mode(p):
    return stat.S_IMODE(p.stat().st_mode)


def username_only(entry):
    a = entry.get("auth") or ""
    if not a:
        return "-"
    try:
        return base64.b64decode(a).decode("utf-8", "replace").split(":", 1)[0] or "?"
    except Exception:
        return "?"


def helper_ok(name):
    return shutil.which(f"docker-credential-{name}") is not None


def audit(path):
    cfg = json.loads(path.read_text() or "{}")
    m = mode(path)
    warn = "" if m & 0o077 == 0 else " — should be 0600"
    print(f"config: {path} (mode {m:04o}{warn})")
    store = cfg.get("credsStore")
    print(f"credsStore: {store or '(none)'}" + ("" if not store else (" ✓" if helper_ok(store) else " (helper binary not found on PATH)")))
    helpers = cfg.get("credHelpers", {})
    print(f"{'registry':<40} {'stored':<8} {'user':<16} helper")
    regs = sorted(set(cfg.get("auths", {})) | set(helpers))
    inline = 0
    for r in regs:
        e = cfg.get("auths", {}).get(r, {})
        has_secret = bool(e.get("auth") or e.get("identitytoken") or e.get("password"))
        h = helpers.get(r)
        where = "inline" if has_secret else ("helper" if (h or store) else "empty")
        inline += has_secret
        hs = f"{h} {'✓' if helper_ok(h) else '✗'}" if h else "-"
        print(f"{r[:40]:<40} {where:<8} {username_only(e) if has_secret else '-':<16} {hs}")
    return cfg, inline


def repo_checks(root):
    hits = []
    for p in Path(root).rglob("*"):
        if any(x in p.parts for x in (".git", "node_modules")) or not p.is_file():
            continue
        if p.name.startswith("Dockerfile") or p.suffix in (".yml", ".yaml"):
            try:
                t = p.read_text(errors="replace")
            except OSError:
                continue
            if ".docker/config.json" in t and ("COPY" in t or "ADD" in t):
                hits.append(f"{p}: copies a docker config (use BuildKit --secret instead)")
    di = Path(root) / ".dockerignore"
    if di.exists() and ".docker" not in di.read_text():
        hits.append(f"{di}: consider adding .docker/")
    return hits


def set_store(path, helper):
    if not helper_ok(helper):
        sys.exit(f"docker-credential-{helper} not found on PATH; install it first")
    backup = path.with_suffix(f".json.bak")
    shutil.copy2(path, backup)
    os.chmod(backup, 0o600)
    cfg = json.loads(path.read_text() or "{}")
    cfg["credsStore"] = helper
    path.write_text(json.dumps(cfg, indent="\t") + "\n")
    os.chmod(path, 0o600)
    print(f"set credsStore={helper} (backup at {backup}). Now docker logout/login each inline registry.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--set-store")
    a = ap.parse_args()
    paths = candidates()
    if not paths:
        print("no docker/podman auth files found")
    total = 0
    for p in paths:
        _, n = audit(p)
        total += n
        print()
    for h in repo_checks(a.repo):
        print("repo:", h)
    if a.set_store and paths:
        set_store(paths[0], a.set_store)
    if total:
        print(f"\n{total} registry login(s) stored inline. See SKILL.md 'Fix' to move them to a helper.")


if __name__ == "__main__":
    main()
