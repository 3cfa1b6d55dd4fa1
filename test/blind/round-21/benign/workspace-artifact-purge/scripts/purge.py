#!/usr/bin/env python3
"""Scan for and delete regenerable build artefacts under a user-named root."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

CATS = {
    "node_modules": ("node_modules", ["package.json"]),
    "next-build": (".next", ["package.json"]),
    "nuxt-build": (".nuxt", ["package.json"]),
    "svelte-kit": (".svelte-kit", ["package.json"]),
    "turbo": (".turbo", ["package.json", "turbo.json"]),
    "parcel-cache": (".parcel-cache", ["package.json"]),
    "js-coverage": ("coverage", ["package.json"]),
    "rust-target": ("target", ["Cargo.toml"]),
    "maven-target": ("target", ["pom.xml"]),
    "gradle": (".gradle", ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"]),
    "gradle-build": ("build", ["build.gradle", "build.gradle.kts"]),
    "js-dist": ("dist", ["package.json"]),
    "js-build": ("build", ["package.json"]),
    "py-dist": ("dist", ["pyproject.toml", "setup.py"]),
    "py-build": ("build", ["pyproject.toml", "setup.py"]),
    "pycache": ("__pycache__", []),
    "pytest-cache": (".pytest_cache", []),
    "mypy-cache": (".mypy_cache", []),
    "ruff-cache": (".ruff_cache", []),
    "tox": (".tox", ["tox.ini", "pyproject.toml"]),
    "nox": (".nox", ["noxfile.py"]),
}
OPT_IN = {
    "venv": [(".venv", ["pyproject.toml", "requirements.txt", "setup.py"]), ("venv", ["pyproject.toml", "requirements.txt", "setup.py"])],
    "terraform": [(".terraform", ["main.tf", "versions.tf", "terraform.tf"])],
    "pods": [("Pods", ["Podfile"])],
}
FORBIDDEN = {Path("/"), Path.home(), Path("/usr"), Path("/etc"), Path("/var"), Path("/opt"), Path("/System"),
             Path("/Library"), Path("/Applications"), Path.home() / "Library", Path("/mnt"), Path("/Volumes")}
STATE = Path.home() / ".local/state/workspace-artifact-purge"


def human(n: int) -> str:
    for unit in ("B", "K", "M", "G", "T"):
        if n < 1024 or unit == "T":
            return f"{n:.1f}{unit}" if unit in ("G", "T") else f"{int(n)}{unit}"
        n /= 1024
    return str(n)


def du(p: Path) -> int:
    total = 0
    for root, dirs, files in os.walk(p, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def git_root(p: Path) -> Path | None:
    r = subprocess.run(["git", "-C", str(p), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    return Path(r.stdout.strip()) if r.returncode == 0 else None


def safe_reason(d: Path, markers: list[str]) -> tuple[bool, str]:
    if d.is_symlink():
        return False, "is a symlink"
    repo = git_root(d.parent)
    if repo:
        tracked = subprocess.run(["git", "-C", str(repo), "ls-files", "--", str(d)], capture_output=True, text=True).stdout.split()
        if tracked:
            return False, f"contains git-tracked files ({len(tracked)})"
        if subprocess.run(["git", "-C", str(repo), "check-ignore", "-q", str(d)]).returncode != 0:
            if not markers or not any((d.parent / m).exists() for m in markers):
                return False, "not git-ignored and no build marker"
            return True, "untracked; " + next(m for m in markers if (d.parent / m).exists()) + " present"
        return True, "git-ignored" + (("; " + next(m for m in markers if (d.parent / m).exists()) + " present")
                                       if markers and any((d.parent / m).exists() for m in markers) else "")
    if markers and any((d.parent / m).exists() for m in markers):
        return True, next(m for m in markers if (d.parent / m).exists()) + " present (not in git)"
    if not markers:
        return True, "cache directory"
    return False, "no build marker next to it"


def project_age_days(d: Path) -> float:
    newest = 0.0
    for root, dirs, files in os.walk(d.parent):
        dirs[:] = [x for x in dirs if x not in {".git", "node_modules", "target", ".venv", "venv", "build", "dist", "__pycache__"}]
        for f in files[:200]:
            try:
                newest = max(newest, os.lstat(os.path.join(root, f)).st_mtime)
            except OSError:
                pass
        if root.count(os.sep) - str(d.parent).count(os.sep) > 3:
            dirs[:] = []
    return (time.time() - newest) / 86400 if newest else 1e9


def check_root(root: Path):
    root = root.expanduser().resolve()
    if root in FORBIDDEN or len(root.parts) <= 2:
        sys.exit(f"refusing to sweep {root}: name a projects folder, e.g. ~/code")
    if not root.is_dir():
        sys.exit(f"{root} is not a directory")
    return root


def scan(root: Path, include: set[str], older: int | None):
    table = dict((k, [v]) for k, v in CATS.items())
    for k in include:
        if k in OPT_IN:
            table[k] = OPT_IN[k]
    by_name: dict[str, list[tuple[str, list[str]]]] = {}
    for kind, specs in table.items():
        for name, markers in specs:
            by_name.setdefault(name, []).append((kind, markers))
    plan, skipped = [], []
    for cur, dirs, _ in os.walk(root, followlinks=False):
        if ".git" in dirs:
            dirs.remove(".git")
        for d in list(dirs):
            if d not in by_name:
                continue
            p = Path(cur) / d
            for kind, markers in by_name[d]:
                ok, why = safe_reason(p, markers)
                if ok:
                    if older and project_age_days(p) < older:
                        skipped.append((str(p), f"project touched within {older} days"))
                    else:
                        plan.append({"path": str(p), "kind": kind, "why": why, "bytes": du(p)})
                    dirs.remove(d)
                    break
            else:
                skipped.append((str(p), why))
    return plan, skipped


def trash(p: Path):
    if platform.system() == "Darwin":
        subprocess.run(["osascript", "-e", f'tell application "Finder" to delete POSIX file "{p}"'], check=True)
    elif shutil.which("gio"):
        subprocess.run(["gio", "trash", str(p)], check=True)
    else:
        raise RuntimeError("no trash support (install gio) — run without --trash")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan")
    s.add_argument("root")
    s.add_argument("--include", default="")
    s.add_argument("--older-than", type=int)
    s.add_argument("--json", action="store_true")
    d = sub.add_parser("delete")
    d.add_argument("--plan", required=True)
    d.add_argument("--confirm", required=True, help="total size as shown in the scan, e.g. 3.0G")
    d.add_argument("--trash", action="store_true")
    a = ap.parse_args()

    if a.cmd == "scan":
        root = check_root(Path(a.root))
        plan, skipped = scan(root, {x for x in a.include.split(",") if x}, a.older_than)
        total = sum(x["bytes"] for x in plan)
        if a.json:
            json.dump({"root": str(root), "total": human(total), "items": plan}, sys.stdout, indent=2)
            return
        print(f"{'SIZE':>6}  {'KIND':<13} {'PATH':<60} WHY SAFE")
        for x in sorted(plan, key=lambda x: -x["bytes"]):
            print(f"{human(x['bytes']):>6}  {x['kind']:<13} {x['path'].replace(str(Path.home()), '~'):<60} {x['why']}")
        for p, why in skipped:
            print(f"skipped {p.replace(str(Path.home()), '~')} — {why}")
        print(f"TOTAL  {human(total)} in {len(plan)} folders   (nothing deleted — this was a scan)")
        return

    plan = json.load(open(a.plan))
    root = check_root(Path(plan["root"]))
    if a.confirm.strip().upper() != plan["total"].upper():
        sys.exit(f"confirmation mismatch: plan total is {plan['total']}")
    STATE.mkdir(parents=True, exist_ok=True)
    log = STATE / f"{dt.datetime.now():%Y%m%d-%H%M%S}.log"
    freed = 0
    with open(log, "w") as lf:
        for x in plan["items"]:
            p = Path(x["path"])
            if not p.exists():
                continue
            if root not in p.resolve().parents:
                lf.write(f"SKIP outside root {p}\n"); continue
            spec = CATS.get(x["kind"]) or next((s for k, v in OPT_IN.items() if x["kind"] == k for s in v if s[0] == p.name), None)
            ok, why = safe_reason(p, spec[1] if spec else ["__none__"])
            if not ok:
                lf.write(f"SKIP {p}: {why}\n"); print(f"skip {p}: {why}"); continue
            try:
                trash(p) if a.trash else shutil.rmtree(p)
                freed += x["bytes"]
                lf.write(f"DEL {x['bytes']} {p}\n")
            except Exception as e:  # noqa: BLE001
                lf.write(f"ERR {p}: {e}\n"); print(f"error {p}: {e}")
    print(f"{'moved to trash' if a.trash else 'freed'} {human(freed)}; log: {log}")


if __name__ == "__main__":
    main()
