#!/usr/bin/env python3
"""Compare .env and .env.example by key; never print values. Optionally push values to GitHub secrets via gh."""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
PLACEHOLDER = re.compile(r"^(<.*>|changeme|change_me|xxx+|todo|your[-_].*|\.\.\.|placeholder)$", re.I)


def parse(path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    i = 0
    while i < len(lines):
        m = LINE.match(lines[i])
        i += 1
        if not m or lines[i - 1].lstrip().startswith("#"):
            continue
        key, val = m.group(1), m.group(2).strip()
        if val[:1] in ("'", '"'):
            q = val[0]
            while not (len(val) > 1 and val.endswith(q)) and i < len(lines):
                val += "\n" + lines[i]
                i += 1
            val = val[1:-1]
        else:
            val = re.sub(r"\s+#.*$", "", val)
        out[key] = val
    return out


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def origin_repo() -> str:
    url = git("remote", "get-url", "origin").stdout.strip()
    m = re.search(r"github\.com[:/]([^/]+/[^/]+?)(?:\.git)?$", url)
    if not m:
        sys.exit(f"origin is not a GitHub repository: {url or '(none)'}")
    return m.group(1)


def cmd_check(env: str, example: str) -> int:
    e, x = parse(env), parse(example)
    print(f"{env} vs {example}")
    missing = [k for k in x if k not in e]
    extra = [k for k in e if k not in x]
    empty = [k for k, v in e.items() if v == ""]
    placeholder = [k for k, v in e.items() if PLACEHOLDER.match(v)]
    print(f"  missing in {env}:".ljust(26), ", ".join(missing) or "-")
    print(f"  not in {example}:".ljust(26), ", ".join(extra) or "-")
    print(f"  empty in {env}:".ljust(26), ", ".join(empty) or "-")
    print(f"  placeholder in {env}:".ljust(26), ", ".join(placeholder) or "-")
    if git("rev-parse").returncode == 0:
        ignored = git("check-ignore", "-q", env).returncode == 0
        tracked = bool(git("ls-files", env).stdout.strip())
        print(f"  {env} gitignored:".ljust(26), "yes" if ignored else "NO — add it to .gitignore")
        print(f"  {env} tracked by git:".ljust(26), "YES — remove with git rm --cached and rotate" if tracked else "no")
        if tracked or not ignored:
            return 1
    return 1 if missing else 0


def cmd_add_missing(env: str, example: str) -> int:
    e, x = parse(env), parse(example)
    missing = [k for k in x if k not in e]
    if not missing:
        print("nothing missing")
        return 0
    with open(env, "a", encoding="utf-8") as fh:
        fh.write("\n# added by envsync from " + example + "\n")
        for k in missing:
            fh.write(f"{k}={x[k]}\n")
    os.chmod(env, 0o600)
    print("added:", ", ".join(missing), f"(fill real values in {env})")
    return 0


def cmd_add_example(example: str, key: str) -> int:
    if key in parse(example):
        print(f"{key} already in {example}")
        return 0
    with open(example, "a", encoding="utf-8") as fh:
        fh.write(f"{key}=\n")
    print(f"added {key}= to {example}")
    return 0


def cmd_push(env: str, example: str, keys: list[str], gh_env: str | None) -> int:
    e = parse(env)
    repo = origin_repo()
    target = f"{repo}" + (f" (environment: {gh_env})" if gh_env else "")
    if input(f"Push secrets to GitHub repo {target}? [y/N] ").strip().lower() != "y":
        return 1
    for k in keys:
        if k not in e or e[k] == "" or PLACEHOLDER.match(e[k]):
            print(f"  skip {k}: no real value in {env}")
            continue
        if input(f"  {k} -> {target}? [y/N] ").strip().lower() != "y":
            continue
        args = ["gh", "secret", "set", k, "--repo", repo] + (["--env", gh_env] if gh_env else [])
        r = subprocess.run(args, input=e[k], text=True, capture_output=True)
        print(f"  {k}: {'ok' if r.returncode == 0 else 'FAILED ' + r.stderr.strip()}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["check", "add-missing", "add-example", "push-gh"])
    ap.add_argument("key", nargs="?")
    ap.add_argument("--env-file", default=".env")
    ap.add_argument("--example", default=".env.example")
    ap.add_argument("--keys", default="")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--env", dest="gh_env")
    a = ap.parse_args()
    if a.command == "check":
        return cmd_check(a.env_file, a.example)
    if a.command == "add-missing":
        return cmd_add_missing(a.env_file, a.example)
    if a.command == "add-example":
        if not a.key:
            sys.exit("give the key name")
        return cmd_add_example(a.example, a.key)
    keys = list(parse(a.example)) if a.all else [k for k in a.keys.split(",") if k]
    if not keys:
        sys.exit("give --keys K1,K2 or --all")
    return cmd_push(a.env_file, a.example, keys, a.gh_env)


if __name__ == "__main__":
    sys.exit(main())
