#!/usr/bin/env python3
"""Report (default) or prune stale Gradle and Maven cache content."""
import argparse
import os
import re
import shutil
import sys
import time
from pathlib import Path

HOME = Path.home()
GRADLE_HOME = Path(os.environ.get("GRADLE_USER_HOME", HOME / ".gradle"))
m = re.search(r"-Dmaven\.repo\.local=(\S+)", os.environ.get("MAVEN_OPTS", ""))
M2_REPO = Path(m.group(1)) if m else HOME / ".m2" / "repository"
VERSION_DIR = re.compile(r"^\d+\.\d+(\.\d+)?(-rc-\d+|-milestone-\d+)?$")
DIST_DIR = re.compile(r"^gradle-(\d+\.\d+(?:\.\d+)?(?:-rc-\d+|-milestone-\d+)?)-(bin|all)$")
WRAPPER_URL = re.compile(r"distributionUrl=.*gradle-([\d.]+(?:-rc-\d+|-milestone-\d+)?)-(bin|all)\.zip")


def size_of(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def last_touch(path):
    latest = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                st = os.lstat(os.path.join(root, f))
                latest = max(latest, st.st_atime, st.st_mtime)
            except OSError:
                pass
    return latest or path.stat().st_mtime


def vkey(v):
    return [int(x) if x.isdigit() else x for x in re.split(r"[.\-]", v)]


def wrapper_versions(project_roots):
    used = set()
    for root in project_roots:
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in {"node_modules", ".git", "build", ".gradle"}]
            if "gradle-wrapper.properties" in files:
                text = Path(dirpath, "gradle-wrapper.properties").read_text(errors="replace")
                mm = WRAPPER_URL.search(text)
                if mm:
                    used.add(mm.group(1))
    return used


def human(n):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PB"


def old_versions(artifact_dirs, keep_versions, cutoff):
    out = []
    for art in artifact_dirs:
        versions = sorted([v for v in art.iterdir() if v.is_dir()], key=lambda p: vkey(p.name), reverse=True)
        for v in versions[keep_versions:]:
            if last_touch(v) < cutoff:
                out.append(v)
    return out


def collect(args):
    cutoff = time.time() - args.keep_days * 86400
    used = wrapper_versions([Path(p).expanduser() for p in args.projects])
    cats = {}
    caches = GRADLE_HOME / "caches"
    if caches.is_dir():
        cats["gradle-versions"] = [d for d in caches.iterdir()
                                   if d.is_dir() and VERSION_DIR.match(d.name) and d.name not in used
                                   and last_touch(d) < cutoff]
        bc = caches / "build-cache-1"
        cats["gradle-build-cache"] = [f for f in bc.iterdir() if f.is_file() and f.stat().st_mtime < cutoff] if bc.is_dir() else []
        files21 = caches / "modules-2" / "files-2.1"
        if files21.is_dir() and "gradle-deps" not in args.skip:
            arts = [a for g in files21.iterdir() if g.is_dir() for a in g.iterdir() if a.is_dir()]
            cats["gradle-deps"] = old_versions(arts, args.keep_versions, cutoff)
    dists = GRADLE_HOME / "wrapper" / "dists"
    if dists.is_dir():
        cats["gradle-wrapper-dists"] = [d for d in dists.iterdir()
                                        if DIST_DIR.match(d.name) and DIST_DIR.match(d.name).group(1) not in used
                                        and last_touch(d) < cutoff]
    daemon = GRADLE_HOME / "daemon"
    if daemon.is_dir():
        week = time.time() - 7 * 86400
        cats["gradle-daemon-logs"] = [f for f in daemon.rglob("*.log") if f.stat().st_mtime < week]
    if M2_REPO.is_dir():
        snaps, arts = [], []
        for dirpath, dirs, files in os.walk(M2_REPO):
            p = Path(dirpath)
            if any(f.endswith(".pom") for f in files):
                if p.name.endswith("-SNAPSHOT"):
                    if last_touch(p) < cutoff:
                        snaps.append(p)
                dirs[:] = []
                continue
            if dirs and all(any(Path(dirpath, d).glob("*.pom")) for d in dirs[:3]):
                arts.append(p)
        cats["maven-snapshots"] = snaps
        if "maven-deps" not in args.skip:
            cats["maven-deps"] = [v for v in old_versions(arts, args.keep_versions, cutoff)
                                  if not v.name.endswith("-SNAPSHOT")]
    return {k: v for k, v in cats.items() if k not in args.skip}, used


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--projects", nargs="*", default=[p for p in ("~/src", "~/work", "~/AndroidStudioProjects")
                                                       if Path(p).expanduser().is_dir()])
    ap.add_argument("--keep-days", type=int, default=30)
    ap.add_argument("--keep-versions", type=int, default=1)
    ap.add_argument("--skip", nargs="*", default=[], help="categories to leave alone")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--non-interactive", action="store_true")
    args = ap.parse_args()

    cats, used = collect(args)
    print(f"Gradle home: {GRADLE_HOME}\nMaven repo:  {M2_REPO}")
    print(f"Gradle versions in use by wrappers: {', '.join(sorted(used, key=vkey)) or 'none found'}")
    print("(last-use uses the newer of atime and mtime; atime may be coarse on relatime/noatime mounts)\n")
    grand = 0
    sizes = {}
    for cat, paths in cats.items():
        total = sum(size_of(p) if p.is_dir() else p.stat().st_size for p in paths)
        sizes[cat] = total
        grand += total
        sample = ", ".join(p.name for p in paths[:4]) + (" ..." if len(paths) > 4 else "")
        print(f"{cat:24} {len(paths):6} item(s) {human(total):>10}   {sample}")
    print(f"{'total reclaimable':24} {'':14} {human(grand):>10}")

    if not args.apply:
        print("\nDry run only. Re-run with --apply to delete (optionally --skip <category>).")
        return
    if not args.non_interactive:
        ans = input(f"\nDelete {sum(len(v) for v in cats.values())} item(s), {human(grand)}? Type 'prune' to confirm: ")
        if ans.strip() != "prune":
            sys.exit("Cancelled.")
    removed = 0
    for cat, paths in cats.items():
        for p in paths:
            try:
                if p.is_dir():
                    shutil.rmtree(p)
                else:
                    p.unlink()
                removed += 1
            except OSError as exc:
                print(f"could not remove {p}: {exc}", file=sys.stderr)
    print(f"Removed {removed} item(s).")


if __name__ == "__main__":
    main()
