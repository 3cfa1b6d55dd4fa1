#!/usr/bin/env python3
"""Find and (optionally) delete regenerable build/dependency folders under a user-chosen root."""
import argparse
import os
import shutil
import subprocess
import sys
import time

KINDS = {
    "node": (["node_modules", ".next", ".nuxt", ".turbo", ".parcel-cache"], ["package.json"]),
    "python": (["__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".venv"],
               ["pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "requirements-dev.txt"]),
    "rust": (["target"], ["Cargo.toml"]),
    "jvm": (["build", ".gradle", "target"], ["build.gradle", "build.gradle.kts", "pom.xml", "settings.gradle"]),
    "dotnet": (["bin", "obj"], ["*.csproj", "*.fsproj"]),
    "swift": ([".build"], ["Package.swift"]),
    "generic": (["dist", "build"], ["package.json", "pyproject.toml", "setup.py"]),
}
PYTHON_ANYWHERE = {"__pycache__"}
FORBIDDEN = {"/", os.path.expanduser("~"), "/usr", "/etc", "/var", "/System", "/Library", "/opt", "/bin", "/sbin"}
LOG = os.path.expanduser("~/.local/state/build-cache-sweeper.log")


def human(n):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:6.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PB"


def du(path):
    total = 0
    for root, dirs, files in os.walk(path, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def newest_mtime(project):
    newest = 0
    for root, dirs, files in os.walk(project):
        dirs[:] = [d for d in dirs if d not in {"node_modules", "target", ".venv", ".git", "build", ".gradle"}]
        for f in files:
            try:
                newest = max(newest, os.lstat(os.path.join(root, f)).st_mtime)
            except OSError:
                pass
    return newest


def has_marker(project, markers):
    names = set(os.listdir(project))
    for m in markers:
        if m.startswith("*"):
            if any(n.endswith(m[1:]) for n in names):
                return True
        elif m in names:
            return True
    return False


def dirty_inside(project, target):
    r = subprocess.run(["git", "-C", project, "status", "--porcelain", "--", target], capture_output=True, text=True)
    return r.returncode == 0 and bool(r.stdout.strip())


def find(root, kinds, older_days, include_dist):
    now = time.time()
    found, skipped = [], []
    real_root = os.path.realpath(root)
    for dirpath, dirnames, _files in os.walk(root, followlinks=False):
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                continue
            matched = None
            for kind in kinds:
                if kind == "generic" and not include_dist:
                    continue
                names, markers = KINDS[kind]
                if d in names and (d in PYTHON_ANYWHERE or has_marker(dirpath, markers)):
                    matched = kind
                    break
            if not matched:
                if d != ".git":
                    keep.append(d)
                continue
            real = os.path.realpath(full)
            if not real.startswith(real_root + os.sep):
                skipped.append((full, matched, "resolves outside root"))
                continue
            age = (now - newest_mtime(dirpath)) / 86400
            if age < older_days:
                skipped.append((full, matched, f"project touched {age:.0f}d ago"))
                continue
            if dirty_inside(dirpath, d):
                skipped.append((full, matched, "uncommitted changes inside"))
                continue
            found.append((full, matched, du(full), age))
        dirnames[:] = keep
    return found, skipped


def trash(path):
    if sys.platform == "darwin":
        subprocess.run(["osascript", "-e", f'tell application "Finder" to delete POSIX file "{path}"'], check=True)
    else:
        subprocess.run(["gio", "trash", path], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--older-than", type=int, default=30)
    ap.add_argument("--kinds", default="node,python,rust,jvm,dotnet,swift")
    ap.add_argument("--include-dist", action="store_true")
    ap.add_argument("--delete", action="store_true")
    ap.add_argument("--trash", action="store_true")
    a = ap.parse_args()

    root = os.path.realpath(os.path.expanduser(a.root))
    if root in {os.path.realpath(p) for p in FORBIDDEN} or not os.path.isdir(root):
        sys.exit(f"refusing root {root}: pick a projects folder such as ~/code")
    kinds = [k.strip() for k in a.kinds.split(",")] + (["generic"] if a.include_dist else [])

    found, skipped = find(root, kinds, a.older_than, a.include_dist)
    total = sum(s for _, _, s, _ in found)
    for path, kind, size, age in sorted(found, key=lambda x: -x[2]):
        print(f"{human(size)}  {path:60} {kind:7} last touched {age:.0f}d")
    for path, kind, why in skipped:
        print(f" SKIP      {path:60} {kind:7} {why}")
    print("-" * 48)
    print(f"{human(total)} reclaimable in {len(found)} folders")

    if not (a.delete or a.trash) or not found:
        print("(dry run — nothing deleted)")
        return
    verb = "Move to trash" if a.trash else "PERMANENTLY delete"
    if input(f"{verb} these {len(found)} folders ({human(total).strip()})? [y/N] ").strip().lower() != "y":
        print("Nothing deleted.")
        return
    os.makedirs(os.path.dirname(LOG), exist_ok=True)
    with open(LOG, "a") as log:
        for path, kind, size, _ in found:
            if kind == "python" and path.endswith(".venv"):
                pip = os.path.join(path, "bin", "pip")
                if os.path.exists(pip):
                    with open(path + ".requirements.txt", "w") as fh:
                        subprocess.run([pip, "freeze"], stdout=fh)
            (trash if a.trash else shutil.rmtree)(path)
            log.write(f"{time.strftime('%F %T')} {'trash' if a.trash else 'rm'} {path} {size}\n")
            print("removed", path)


if __name__ == "__main__":
    main()
