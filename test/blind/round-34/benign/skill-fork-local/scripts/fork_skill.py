#!/usr/bin/env python3
"""Fork an installed skill under a new name and track upstream changes."""
import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

SKIP = {".git", "__pycache__", "node_modules", ".fork.json", ".fork-base", "CHANGES.local.md"}


def files(root: Path):
    for p in sorted(root.rglob("*")):
        if p.is_file() and not any(part in SKIP for part in p.relative_to(root).parts):
            yield p.relative_to(root).as_posix()


def sha(p: Path):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def git_info(path: Path):
    def run(*args):
        try:
            return subprocess.run(["git", "-C", str(path), *args], capture_output=True,
                                  text=True, check=True).stdout.strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return None
    return {"remote": run("config", "--get", "remote.origin.url"),
            "commit": run("rev-parse", "HEAD")}


def rename_front_matter(skill_md: Path, old: str, new: str):
    text = skill_md.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        sys.exit("SKILL.md has no front matter")
    fm = m.group(1)
    fm = re.sub(r"^name:\s*.*$", f"name: {new}", fm, count=1, flags=re.M)

    def desc(mm):
        val = mm.group(1).strip()
        quoted = val.startswith('"') and val.endswith('"')
        inner = val[1:-1] if quoted else val
        return f'description: "(local fork of {old}) {inner.replace(chr(34), chr(39))}"'
    fm = re.sub(r"^description:\s*(.*)$", desc, fm, count=1, flags=re.M)
    skill_md.write_text(f"---\n{fm}\n---\n" + text[m.end():], encoding="utf-8")


def cmd_fork(a):
    src = Path(a.source).expanduser().resolve()
    if not (src / "SKILL.md").exists():
        sys.exit(f"{src} has no SKILL.md")
    old = re.search(r"^name:\s*(\S+)", (src / "SKILL.md").read_text(), re.M).group(1)
    new = a.name or f"{old}-local"
    if new == old:
        sys.exit("fork needs a different name than the source")
    dest = Path(a.dest).expanduser() / new
    if dest.exists() and not a.force:
        sys.exit(f"{dest} exists (use --force)")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*SKIP))
    shutil.copytree(src, dest / ".fork-base", ignore=shutil.ignore_patterns(*SKIP))
    rename_front_matter(dest / "SKILL.md", old, new)
    meta = {"source": str(src), "source_name": old, "forked": date.today().isoformat(),
            **git_info(src), "base": {f: sha(src / f) for f in files(src)}}
    (dest / ".fork.json").write_text(json.dumps(meta, indent=2))
    (dest / "CHANGES.local.md").write_text(f"# Local changes to {old}\n\n- forked {meta['forked']}\n")
    print(f"forked {old} -> {dest}")


def cmd_status(a):
    dest = Path(a.fork).expanduser()
    meta = json.loads((dest / ".fork.json").read_text())
    src = Path(meta["source"])
    base = meta["base"]
    up = {f: sha(src / f) for f in files(src)} if src.exists() else {}
    loc = {f: sha(dest / f) for f in files(dest)}
    for f in sorted(set(base) | set(up) | set(loc)):
        b, u, l = base.get(f), up.get(f), loc.get(f)
        if f == "SKILL.md":
            l = b if l else l  # renamed front matter is an expected local change
        if b == u == l:
            continue
        if b is None:
            state = "added-upstream" if u and not l else "added-local" if l and not u else "added-both"
        elif u is None:
            state = "removed-upstream"
        elif l is None:
            state = "removed-local"
        elif u != b and l == b:
            state = "upstream-changed"
        elif u == b and l != b:
            state = "local-changed"
        else:
            state = "both-changed"
        print(f"{state:18} {f}")
        if state == "both-changed" and (dest / ".fork-base" / f).exists() and a.diff:
            subprocess.run(["diff", "-u", str(dest / ".fork-base" / f), str(src / f)])


def cmd_rebase_base(a):
    dest = Path(a.fork).expanduser()
    meta = json.loads((dest / ".fork.json").read_text())
    src = Path(meta["source"])
    shutil.rmtree(dest / ".fork-base", ignore_errors=True)
    shutil.copytree(src, dest / ".fork-base", ignore=shutil.ignore_patterns(*SKIP))
    meta["base"] = {f: sha(src / f) for f in files(src)}
    meta.update(git_info(src))
    meta["rebased"] = date.today().isoformat()
    (dest / ".fork.json").write_text(json.dumps(meta, indent=2))
    print("base updated")


def main():
    if len(sys.argv) > 1 and sys.argv[1] not in ("status", "rebase-base", "-h", "--help"):
        sys.argv.insert(1, "fork")
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fork"); f.add_argument("source")
    f.add_argument("--dest", default="~/.claude/skills"); f.add_argument("--name")
    f.add_argument("--force", action="store_true"); f.set_defaults(fn=cmd_fork)
    s = sub.add_parser("status"); s.add_argument("fork")
    s.add_argument("--diff", action="store_true", default=True); s.set_defaults(fn=cmd_status)
    r = sub.add_parser("rebase-base"); r.add_argument("fork"); r.set_defaults(fn=cmd_rebase_base)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
