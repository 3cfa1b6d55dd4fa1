#!/usr/bin/env python3
"""Add ecr-login credHelpers for named ECR registries to Docker's config.json. Preview by default."""
import argparse
import copy
import difflib
import json
import os
import re
import shutil
import stat
import sys
import time
from pathlib import Path

ECR_RE = re.compile(r"^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$")


def config_path():
    base = os.environ.get("DOCKER_CONFIG")
    return Path(base) / "config.json" if base else Path.home() / ".docker" / "config.json"


def masked(cfg):
    c = copy.deepcopy(cfg)
    for v in (c.get("auths") or {}).values():
        if isinstance(v, dict):
            for k in ("auth", "password", "identitytoken", "registrytoken"):
                if k in v:
                    v[k] = "***"
    return json.dumps(c, indent=2, sort_keys=False).splitlines(True)


def normalise(reg):
    reg = reg.strip().lower()
    reg = re.sub(r"^https?://", "", reg).rstrip("/")
    return reg


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("registries", nargs="+", help="e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or public.ecr.aws")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--keep-auths", action="store_true", help="do not remove inline auths for these registries")
    args = ap.parse_args()

    regs = [normalise(r) for r in args.registries]
    bad = [r for r in regs if not (ECR_RE.match(r) or r == "public.ecr.aws")]
    if bad:
        sys.exit(f"not an ECR registry host: {', '.join(bad)}")

    if shutil.which("docker-credential-ecr-login") is None:
        print("warning: docker-credential-ecr-login is not on PATH; install it first (see SKILL.md)")

    path = config_path()
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() and path.stat().st_size else {}
    new = copy.deepcopy(old)
    helpers = new.setdefault("credHelpers", {})
    for r in regs:
        prev = helpers.get(r)
        if prev and prev != "ecr-login":
            print(f"note: {r} currently uses credential helper '{prev}'; it will be replaced with ecr-login")
        helpers[r] = "ecr-login"
        if not args.keep_auths:
            for key in list((new.get("auths") or {}).keys()):
                if normalise(key) == r:
                    del new["auths"][key]
    if "auths" in new and not new["auths"]:
        del new["auths"]

    diff = list(difflib.unified_diff(masked(old), masked(new), fromfile=str(path), tofile=str(path) + " (new)"))
    if not diff:
        print("already configured; nothing to change")
        return 0
    sys.stdout.writelines(diff)
    if not args.apply:
        print("\npreview only; re-run with --apply to write")
        return 0

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.exists():
        backup = path.with_name(f"config.json.bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(path, backup)
        os.chmod(backup, stat.S_IRUSR | stat.S_IWUSR)
        print(f"backup: {backup}")
    tmp = path.with_suffix(".json.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(new, fh, indent=2)
        fh.write("\n")
    os.replace(tmp, path)
    print(f"wrote {path}")
    print("verify with: docker pull <registry>/<repo>:<tag>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
