#!/usr/bin/env python3
"""Add a per-registry Docker credential helper. Subcommands: show | plan | apply | restore."""
import argparse
import datetime as dt
import difflib
import fnmatch
import json
import os
import shutil
import sys
from pathlib import Path

CFG = Path(os.environ.get("DOCKER_CONFIG", Path.home() / ".docker")) / "config.json"
HELPERS = [
    ("*-docker.pkg.dev", "gcloud"), ("gcr.io", "gcloud"), ("*.gcr.io", "gcloud"),
    ("*.azurecr.io", "acr-env"),
    ("*.dkr.ecr.*.amazonaws.com", "ecr-login"),
]


def helper_for(reg):
    for pat, h in HELPERS:
        if fnmatch.fnmatch(reg, pat):
            return h
    sys.exit(f"don't know a cloud helper for {reg}; supported: {', '.join(p for p, _ in HELPERS)}")


def load():
    return json.loads(CFG.read_text()) if CFG.exists() else {}


def masked(cfg):
    m = json.loads(json.dumps(cfg))
    for k, v in m.get("auths", {}).items():
        if isinstance(v, dict):
            for f in ("auth", "identitytoken", "password"):
                if f in v:
                    v[f] = "<redacted>"
    return m


def propose(cfg, reg, drop):
    new = json.loads(json.dumps(cfg))
    new.setdefault("credHelpers", {})[reg] = helper_for(reg)
    if drop and reg in new.get("auths", {}):
        new["auths"].pop(reg)
    return new


def show_diff(old, new):
    a = json.dumps(masked(old), indent=2).splitlines(True)
    b = json.dumps(masked(new), indent=2).splitlines(True)
    sys.stdout.writelines(difflib.unified_diff(a, b, str(CFG), str(CFG) + " (proposed)"))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show")
    for n in ("plan", "apply"):
        p = sub.add_parser(n)
        p.add_argument("--registry", required=True)
        p.add_argument("--drop-inline-auth", action="store_true")
    r = sub.add_parser("restore")
    r.add_argument("--backup", required=True)
    a = ap.parse_args()

    cfg = load()
    if a.cmd == "show":
        print(f"{CFG}")
        print(f"credsStore:  {cfg.get('credsStore', '-')}")
        print(f"credHelpers: {json.dumps(cfg.get('credHelpers', {}))}")
        for host, v in cfg.get("auths", {}).items():
            inline = isinstance(v, dict) and ("auth" in v or "password" in v)
            print(f"auths[{host}]: {'INLINE base64 credential (plaintext)' if inline else 'empty (uses store/helper)'}")
        return

    if a.cmd == "restore":
        src = CFG.with_name(CFG.name + ".bak-" + a.backup)
        shutil.copy2(src, CFG)
        print(f"restored {src}")
        return

    reg = a.registry.strip().removeprefix("https://").rstrip("/")
    new = propose(cfg, reg, a.drop_inline_auth)
    show_diff(cfg, new)
    ent = cfg.get("auths", {}).get(reg, {})
    if isinstance(ent, dict) and "auth" in ent and not a.drop_inline_auth:
        print(f"\nnote: auths[{reg}] holds a plaintext credential. Add --drop-inline-auth to remove just that entry.")
    if a.cmd == "plan":
        print("\nplan only; nothing written")
        return

    if input(f"\nWrite {CFG}? [y/N] ").strip().lower() not in ("y", "yes"):
        print("aborted")
        return
    CFG.parent.mkdir(parents=True, exist_ok=True)
    if CFG.exists():
        bak = CFG.with_name(CFG.name + ".bak-" + dt.datetime.now().strftime("%Y%m%d%H%M%S"))
        shutil.copy2(CFG, bak)
        os.chmod(bak, 0o600)
        print(f"backup: {bak}")
    tmp = CFG.with_suffix(".tmp")
    tmp.write_text(json.dumps(new, indent="\t") + "\n")
    os.chmod(tmp, 0o600)
    tmp.replace(CFG)
    print(f"wrote {CFG}")


if __name__ == "__main__":
    main()
