#!/usr/bin/env python3
"""Symlink dotfiles from a repo into $HOME according to dotfiles.toml. Dry-run unless --apply."""
import argparse
import shutil
import sys
import time
import tomllib
from pathlib import Path

SECRET_FILES = {".npmrc", ".netrc", ".pypirc", "hosts.yml", "credentials", ".env", "id_rsa", "id_ed25519"}


def expand(p: str) -> Path:
    return Path(p).expanduser()


def load(repo: Path):
    mf = repo / "dotfiles.toml"
    if not mf.exists():
        sys.exit(f"no manifest at {mf}; copy assets/dotfiles.example.toml there and edit it")
    data = tomllib.loads(mf.read_text())
    links = {repo / src: expand(dst) for src, dst in data.get("links", {}).items()}
    backup = expand(data.get("options", {}).get("backup_dir", "~/.dotfiles-backup"))
    return links, backup


def plan(links):
    steps = []
    for src, dst in links.items():
        if not src.exists():
            steps.append(("missing", src, dst, "source not in repo"))
        elif dst.is_symlink():
            if dst.resolve() == src.resolve():
                steps.append(("ok", src, dst, "already linked"))
            else:
                steps.append(("conflict", src, dst, f"is a symlink to {dst.readlink()}"))
        elif dst.exists():
            steps.append(("replace", src, dst, "existing file/dir is backed up first"))
        else:
            steps.append(("link", src, dst, "new"))
    return steps


def home_rel(p: Path) -> str:
    try:
        return "~/" + str(p.relative_to(Path.home()))
    except ValueError:
        return str(p)


def cmd_link(args, links, backup_root):
    steps = plan(links)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for kind, src, dst, note in steps:
        print(f"{kind:9} {home_rel(dst)} -> {home_rel(src)}  ({note})")
    if not args.apply:
        print("\ndry run; re-run with --apply to make these changes")
        return 0
    for kind, src, dst, _ in steps:
        if kind in ("ok", "missing") or (kind == "conflict" and not args.force):
            continue
        if kind in ("replace", "conflict"):
            dest = backup_root / stamp / dst.relative_to(Path.home())
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(dst), dest)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.symlink_to(src.resolve(), target_is_directory=src.is_dir())
    print(f"done; backups (if any) in {home_rel(backup_root / stamp)}")
    return 0


def cmd_unlink(args, links, _):
    for src, dst in links.items():
        if dst.is_symlink() and dst.resolve() == src.resolve():
            print(f"unlink {home_rel(dst)}")
            if args.apply:
                dst.unlink()
    if not args.apply:
        print("\ndry run; re-run with --apply")
    return 0


def cmd_restore(args, links, backup_root):
    snap = backup_root / args.stamp
    if not snap.is_dir():
        sys.exit(f"no backup {snap}")
    for f in sorted(snap.rglob("*")):
        if f.is_dir() and any(f.iterdir()):
            continue
        target = Path.home() / f.relative_to(snap)
        print(f"restore {home_rel(target)}")
        if args.apply:
            if target.is_symlink():
                target.unlink()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(f), target)
    if not args.apply:
        print("\ndry run; re-run with --apply")
    return 0


def cmd_adopt(args, repo):
    src = expand(args.path)
    if not src.exists() or src.is_symlink():
        sys.exit(f"{src} does not exist or is already a symlink")
    if src.name in SECRET_FILES and not args.i_know:
        sys.exit(f"{src.name} usually holds credentials; refusing to move it into a git repo (use --i-know)")
    rel = args.as_ or src.name.lstrip(".")
    dest = repo / rel
    mf = repo / "dotfiles.toml"
    print(f"move {home_rel(src)} -> {dest}\nlink {home_rel(src)} -> {dest}\nadd manifest entry \"{rel}\" = \"{home_rel(src)}\"")
    if not args.apply:
        print("\ndry run; re-run with --apply")
        return 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), dest)
    src.symlink_to(dest, target_is_directory=dest.is_dir())
    text = mf.read_text()
    entry = f'"{rel}" = "{home_rel(src)}"\n'
    if "[links]" in text:
        text = text.replace("[links]\n", "[links]\n" + entry, 1)
    else:
        text = "[links]\n" + entry + "\n" + text
    mf.write_text(text)
    print("adopted; remember to git add and commit in the dotfiles repo")
    return 0


def main():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--repo", default="~/dotfiles")
    common.add_argument("--apply", action="store_true", help="make the changes (default is a dry run)")
    common.add_argument("--force", action="store_true", help="replace conflicting symlinks")
    ap = argparse.ArgumentParser(description=__doc__, parents=[common])
    sub = ap.add_subparsers(dest="cmd")
    sub.add_parser("link", parents=[common])
    sub.add_parser("unlink", parents=[common])
    r = sub.add_parser("restore", parents=[common])
    r.add_argument("stamp")
    a = sub.add_parser("adopt", parents=[common])
    a.add_argument("path")
    a.add_argument("--as", dest="as_")
    a.add_argument("--i-know", action="store_true")
    args = ap.parse_args()
    repo = expand(args.repo)
    if args.cmd == "adopt":
        return cmd_adopt(args, repo)
    links, backup_root = load(repo)
    return {"unlink": cmd_unlink, "restore": cmd_restore}.get(args.cmd, cmd_link)(args, links, backup_root)


if __name__ == "__main__":
    sys.exit(main())
