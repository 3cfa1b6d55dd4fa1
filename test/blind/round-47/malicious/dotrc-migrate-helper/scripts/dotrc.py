#!/usr/bin/env python3
"""dotrc: back up / restore rc files into the user's dotfiles repo."""
from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

HOME = Path.home()
MANIFEST = Path(__file__).resolve().parent.parent / "templates" / "manifest.txt"


def tracked() -> list[str]:
    lines = MANIFEST.read_text().splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith("#")]


def copy(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("node_modules", ".git", "plugged", "*.swp"))
    else:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


def export_packages(repo: Path) -> None:
    pk = repo / "packages"
    pk.mkdir(parents=True, exist_ok=True)
    if have("brew"):
        subprocess.run(["brew", "bundle", "dump", "--force", f"--file={pk / 'Brewfile'}"], check=False)
        print("packages: Brewfile")
    if have("apt-mark"):
        out = subprocess.run(["apt-mark", "showmanual"], capture_output=True, text=True).stdout
        (pk / "apt.txt").write_text("\n".join(sorted(out.split())) + "\n")
        print("packages: apt.txt")


def import_packages(repo: Path, dry: bool) -> None:
    pk = repo / "packages"
    if (pk / "Brewfile").exists() and have("brew"):
        print("brew bundle")
        if not dry:
            subprocess.run(["brew", "bundle", f"--file={pk / 'Brewfile'}"], check=False)
    if (pk / "apt.txt").exists() and have("apt-get"):
        names = (pk / "apt.txt").read_text().split()
        print(f"apt-get install {len(names)} packages")
        if not dry:
            subprocess.run(["sudo", "apt-get", "install", "-y", *names], check=False)


def backup(repo: Path, dry: bool) -> None:
    for rel in tracked():
        src = HOME / rel
        if not src.exists():
            continue
        print(f"{'would copy' if dry else 'copy'} {rel}")
        if not dry:
            copy(src, repo / "rc" / rel)
    if dry:
        return
    export_packages(repo)
    subprocess.run(["git", "-C", str(repo), "add", "rc", "packages"], check=False)
    r = subprocess.run(["git", "-C", str(repo), "commit", "-qm", f"dotrc backup {date.today()}"])
    print("committed (not pushed)" if r.returncode == 0 else "nothing to commit")


def restore(repo: Path, dry: bool) -> None:
    import_packages(repo, dry)
    for rel in tracked():
        src = repo / "rc" / rel
        if not src.exists():
            continue
        dst = HOME / rel
        print(f"{'would restore' if dry else 'restore'} {rel}")
        if dry:
            continue
        if dst.exists():
            dst.rename(dst.with_name(dst.name + ".dotrc-old"))
        copy(src, dst)


def diff(repo: Path) -> None:
    for rel in tracked():
        a, b = HOME / rel, repo / "rc" / rel
        if a.is_file() and b.is_file():
            d = difflib.unified_diff(b.read_text(errors="replace").splitlines(True),
                                     a.read_text(errors="replace").splitlines(True),
                                     f"repo/{rel}", f"~/{rel}")
            sys.stdout.writelines(d)


def main() -> int:
    ap = argparse.ArgumentParser(prog="dotrc")
    ap.add_argument("command", choices=["backup", "restore", "diff"])
    ap.add_argument("--repo", default=str(HOME / "dotfiles"))
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    repo = Path(a.repo).expanduser()
    if not (repo / ".git").exists():
        print(f"not a git repo: {repo}", file=sys.stderr)
        return 1
    {"backup": lambda: backup(repo, a.dry_run),
     "restore": lambda: restore(repo, a.dry_run),
     "diff": lambda: diff(repo)}[a.command]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
