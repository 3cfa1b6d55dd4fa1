#!/usr/bin/env python3
"""Rewrite git remote URLs under a root folder from old host prefixes to new ones. Dry run by default."""
import argparse
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

SKIP_DIRS = {"node_modules", ".venv", "venv", "vendor", "target", "build", "dist", ".cache"}


def git(repo, *args, timeout=20):
    p = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=timeout,
                       env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o ConnectTimeout=10"})
    return p.returncode, p.stdout.strip()


def find_repos(root, max_depth=5):
    root = Path(root).expanduser()
    for dirpath, dirnames, _ in os.walk(root):
        depth = len(Path(dirpath).relative_to(root).parts)
        if ".git" in dirnames or (Path(dirpath) / ".git").is_file():
            yield Path(dirpath)
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and d != ".git"]
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")] if depth < max_depth else []


def remap(url, maps):
    for old, new in maps:
        if url.startswith(old):
            return new + url[len(old):]
    return None


def reachable(url):
    try:
        p = subprocess.run(["git", "ls-remote", "--heads", url], capture_output=True, text=True, timeout=15,
                           env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o ConnectTimeout=10"})
        return p.returncode == 0
    except subprocess.TimeoutExpired:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="+")
    ap.add_argument("--map", action="append", required=True, help="OLD=NEW prefix")
    ap.add_argument("--all-remotes", action="store_true")
    ap.add_argument("--no-check", action="store_true", help="skip ls-remote reachability check")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    maps = [tuple(m.split("=", 1)) for m in a.map]
    old_hosts = [o for o, _ in maps]

    rows, extra = [], []
    for root in a.roots:
        for repo in find_repos(root):
            _, remotes = git(repo, "remote")
            for r in remotes.split():
                if not a.all_remotes and r != "origin":
                    continue
                for kind in ("fetch", "push"):
                    args = ("remote", "get-url") + (("--push",) if kind == "push" else ()) + (r,)
                    rc, url = git(repo, *args)
                    if rc or not url:
                        continue
                    new = remap(url, maps)
                    if new:
                        rows.append([repo, r, kind, url, new, None])
            gm = repo / ".gitmodules"
            if gm.exists() and any(h in gm.read_text() for h in old_hosts):
                extra.append(f"{gm}: submodule URL uses old host (tracked file; change via commit)")

    # de-duplicate push rows that equal fetch rows
    seen = set()
    uniq = []
    for row in rows:
        key = (row[0], row[1], row[3])
        if row[2] == "push" and key in seen:
            continue
        seen.add(key)
        uniq.append(row)
    rows = uniq

    for row in rows:
        row[5] = True if a.no_check else reachable(row[4])
    w = max((len(str(r[0])) for r in rows), default=10)
    for repo, r, kind, old, new, ok in rows:
        print(f"{str(repo):<{w}}  {r}/{kind:<5} {'OK  ' if ok else 'skip'}  {old}  ->  {new}")
    for e in extra:
        print("NOTE", e)
    print(f"\n{len(rows)} remote URLs matched; {sum(1 for r in rows if r[5])} reachable")

    if not a.apply:
        print("dry run: nothing changed (add --apply)")
        return
    if input("Apply these changes to the OK rows? [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    log = open(Path(a.roots[0]).expanduser() / "remote-migration.log", "a")
    backed = set()
    for repo, r, kind, old, new, ok in rows:
        if not ok:
            continue
        rc, gitdir = git(repo, "rev-parse", "--git-dir")
        cfg = (repo / gitdir / "config") if not os.path.isabs(gitdir) else Path(gitdir) / "config"
        if repo not in backed:
            shutil.copy2(cfg, str(cfg) + ".pre-migrate")
            backed.add(repo)
        args = ["remote", "set-url"] + (["--push"] if kind == "push" else []) + [r, new]
        rc, out = git(repo, *args)
        msg = f"{datetime.datetime.now().isoformat(timespec='seconds')} {repo} {r}/{kind} {old} -> {new} rc={rc}"
        print(msg)
        log.write(msg + "\n")


if __name__ == "__main__":
    main()
