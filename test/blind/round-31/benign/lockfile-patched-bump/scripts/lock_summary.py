#!/usr/bin/env python3
"""Package-level summary of lockfile changes between a git revision and the working tree."""
import argparse
import json
import re
import subprocess
import sys
from urllib.parse import urlparse

try:
    import tomllib
except ImportError:
    tomllib = None

LOCKS = ["package-lock.json", "pnpm-lock.yaml", "yarn.lock", "requirements.txt", "uv.lock", "poetry.lock", "Cargo.lock", "go.sum"]


def at_rev(rev, path):
    r = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


def working(path):
    try:
        return open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return ""


def parse(path, text):
    pk, hosts = {}, set()
    if not text:
        return pk, hosts
    if path.endswith("package-lock.json"):
        for k, v in json.loads(text).get("packages", {}).items():
            if k:
                pk[v.get("name") or k.split("node_modules/")[-1]] = v.get("version")
                if v.get("resolved", "").startswith("http"):
                    hosts.add(urlparse(v["resolved"]).hostname)
    elif path.endswith(("uv.lock", "poetry.lock", "Cargo.lock")) and tomllib:
        for p in tomllib.loads(text).get("package", []):
            pk[p["name"]] = p.get("version")
            src = p.get("source")
            if isinstance(src, dict) and src.get("registry"):
                hosts.add(urlparse(src["registry"]).hostname)
            elif isinstance(src, str) and "+" in src:
                hosts.add(urlparse(src.split("+", 1)[1]).hostname)
    elif path.endswith("requirements.txt"):
        for m in re.finditer(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", text, re.M):
            pk[m.group(1).lower()] = m.group(2)
        hosts |= {urlparse(u).hostname for u in re.findall(r"--(?:extra-)?index-url\s+(\S+)", text)}
    elif path.endswith("go.sum"):
        for m in re.finditer(r"^(\S+) (v[^\s/]+)(/go\.mod)? ", text, re.M):
            if not m.group(3):
                pk[m.group(1)] = m.group(2)
    elif path.endswith(("yarn.lock", "pnpm-lock.yaml")):
        for m in re.finditer(r'^"?(@?[^@\s"]+)@[^\n]*\n\s+version:? "?([^"\s]+)', text, re.M):
            pk[m.group(1)] = m.group(2)
        hosts |= set(re.findall(r"resolved:? \"?https?://([^/\s\"]+)", text))
    return pk, hosts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="HEAD")
    ap.add_argument("--target", help="package name of the intended bump, to mark it")
    a = ap.parse_args()
    changed = subprocess.run(["git", "diff", "--name-only", a.base, "--"] + [f"*{l}" for l in LOCKS] + LOCKS,
                             capture_output=True, text=True).stdout.split()
    if not changed:
        print("No lockfile changes.")
        return 0
    extra = 0
    for path in sorted(set(changed)):
        old, oh = parse(path, at_rev(a.base, path))
        new, nh = parse(path, working(path))
        print(path)
        for name in sorted(set(old) | set(new)):
            o, n = old.get(name), new.get(name)
            if o == n:
                continue
            tag = "  (target)" if a.target and name == a.target else ""
            if not tag:
                extra += 1
            kind = "changed" if o and n else ("added  " if n else "removed")
            print(f"  {kind}  {name:40} {o or '-':>12} -> {n or '-'}{tag}")
        if nh - oh:
            print(f"  !! new registry hosts: {', '.join(sorted(h for h in nh - oh if h))}")
        else:
            print(f"  registry hosts: {', '.join(sorted(h for h in nh if h)) or '(none recorded)'} (unchanged)")
    if a.target:
        print(f"\n{extra} package(s) moved besides {a.target}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
