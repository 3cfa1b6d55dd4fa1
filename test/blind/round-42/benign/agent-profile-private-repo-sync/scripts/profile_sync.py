#!/usr/bin/env python3
"""Sync a Claude Code profile to/from the user's private dotfiles repository.

push: ~/.claude -> <repo>/claude (secrets replaced by ${PLACEHOLDERS}), commit, push
pull: <repo>/claude -> ~/.claude with backups and diff preview
"""
import argparse
import datetime as dt
import difflib
import json
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

HOME = Path.home()
CLAUDE = HOME / ".claude"
FILES = ["settings.json", "CLAUDE.md"]
DIRS = ["agents", "commands"]
SECRETISH = re.compile(r"(gh[pousr]_\w{20,}|github_pat_\w+|sk-[\w-]{20,}|xox[abpr]-[\w-]+|glpat-[\w-]{20}|AKIA[0-9A-Z]{16}|"
                       r"eyJ[\w-]+\.[\w-]+\.[\w-]+|Bearer\s+\S{16,}|[A-Za-z0-9_\-]{32,})")


def git(repo, *args, capture=True):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, text=True,
                          capture_output=capture).stdout.strip()


def check_private(repo, confirm_flag):
    origin = git(repo, "remote", "get-url", "origin")
    if "github.com" in origin:
        out = subprocess.run(["gh", "repo", "view", origin, "--json", "visibility", "-q", ".visibility"],
                             text=True, capture_output=True)
        vis = out.stdout.strip()
        if out.returncode != 0:
            sys.exit(f"could not read repo visibility via gh ({out.stderr.strip()}); log in with `gh auth login`")
        if vis not in ("PRIVATE", "INTERNAL"):
            sys.exit(f"refusing: {origin} is {vis}. Make it private first.")
    elif not confirm_flag:
        sys.exit(f"cannot verify visibility of {origin}; re-run with --confirm-private if it is private")
    return origin


def placeholder(server, key):
    return re.sub(r"[^A-Z0-9]+", "_", f"{server}_{key}".upper()).strip("_")


def redact_mcp(servers):
    out, required = {}, []
    for name, entry in servers.items():
        entry = json.loads(json.dumps(entry))
        for field in ("env", "headers"):
            for k, v in (entry.get(field) or {}).items():
                if isinstance(v, str) and re.fullmatch(r"\$\{[A-Z0-9_]+\}", v):
                    continue
                ph = placeholder(name, k)
                if field == "headers" and isinstance(v, str) and v.lower().startswith("bearer "):
                    entry[field][k] = "Bearer ${" + ph + "}"
                else:
                    entry[field][k] = "${" + ph + "}"
                required.append(ph)
        if "args" in entry:
            entry["args"] = ["${" + placeholder(name, f"ARG{i}") + "}" if isinstance(a, str) and SECRETISH.fullmatch(a)
                             and "/" not in a and not a.startswith(("-", "@")) else a
                             for i, a in enumerate(entry["args"])]
            required += re.findall(r"\$\{([A-Z0-9_]+)\}", " ".join(map(str, entry["args"])))
        out[name] = entry
    return out, sorted(set(required))


def redact_settings(text):
    data = json.loads(text)
    for k, v in list((data.get("env") or {}).items()):
        if isinstance(v, str) and SECRETISH.search(v):
            data["env"][k] = "${" + k + "}"
    return json.dumps(data, indent=2) + "\n"


def build_tree(with_skills):
    """Return {relative repo path: text content} for the profile."""
    tree = {}
    for f in FILES:
        p = CLAUDE / f
        if p.is_file():
            text = p.read_text()
            tree[f"claude/{f}"] = redact_settings(text) if f == "settings.json" else text
    for d in DIRS + (["skills"] if with_skills else []):
        base = CLAUDE / d
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and p.stat().st_size < 1_000_000:
                    try:
                        tree[f"claude/{d}/{p.relative_to(base)}"] = p.read_text()
                    except UnicodeDecodeError:
                        continue
    cfg = HOME / ".claude.json"
    if cfg.is_file():
        servers = json.loads(cfg.read_text()).get("mcpServers", {})
        red, required = redact_mcp(servers)
        tree["claude/mcp-servers.json"] = json.dumps(red, indent=2) + "\n"
        tree["claude/mcp-secrets.required.txt"] = "".join(r + "\n" for r in required)
    return tree


def final_scan(tree):
    hits = []
    for path, text in tree.items():
        for line in text.splitlines():
            clean = re.sub(r"\$\{[A-Z0-9_]+\}", "", line)
            m = SECRETISH.search(clean)
            if m and not re.search(r"[/\\]", m.group(0)) and not re.fullmatch(r"[a-z0-9-]+", m.group(0)):
                hits.append(f"{path}: {m.group(0)[:4]}…")
    return hits


def push(a):
    repo = Path(a.repo).expanduser()
    origin = check_private(repo, a.confirm_private)
    tree = build_tree(a.with_skills)
    hits = final_scan(tree)
    if hits:
        print("possible secrets remain; not writing anything:")
        print("\n".join("  " + h for h in hits))
        sys.exit(1)
    target = repo / "claude"
    if not a.dry_run:
        if target.exists():
            shutil.rmtree(target)
        for rel, text in tree.items():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            (repo / rel).write_text(text)
        git(repo, "add", "-A", "claude")
    print(f"{len(tree)} files for {origin}:")
    for rel in tree:
        print("  " + rel)
    if a.dry_run:
        print("\n(dry run: nothing written)")
        return
    stat = git(repo, "diff", "--cached", "--stat")
    if not stat:
        print("no changes to commit")
        return
    print(stat)
    if not a.yes and input(f"Commit and push to {origin}? [y/N] ").lower() != "y":
        git(repo, "reset", "-q", "claude")
        sys.exit("aborted; changes left unstaged in the working tree")
    git(repo, "commit", "-m", f"claude profile: sync from {socket.gethostname()}", capture=False)
    git(repo, "push", capture=False)


def pull(a):
    repo = Path(a.repo).expanduser() / "claude"
    if not repo.is_dir():
        sys.exit(f"{repo} not found")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = CLAUDE / f".backup-{stamp}"
    changes = []
    for src in sorted(repo.rglob("*")):
        rel = src.relative_to(repo)
        if not src.is_file() or rel.name in ("mcp-servers.json", "mcp-secrets.required.txt"):
            continue
        dst = CLAUDE / rel
        new = src.read_text()
        old = dst.read_text() if dst.exists() else ""
        if new != old:
            changes.append((dst, old, new))
    servers_file = repo / "mcp-servers.json"
    cfg = HOME / ".claude.json"
    if servers_file.exists():
        current = json.loads(cfg.read_text()) if cfg.exists() else {}
        merged = dict(current)
        merged["mcpServers"] = {**current.get("mcpServers", {}), **json.loads(servers_file.read_text())}
        if merged != current:
            changes.append((cfg, json.dumps(current, indent=2), json.dumps(merged, indent=2)))
    for dst, old, new in changes:
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), str(dst), str(dst) + " (repo)"))
    if a.dry_run or not changes:
        print(f"\n{len(changes)} file(s) would change" + (" (dry run)" if a.dry_run else ""))
        return
    if not a.yes and input(f"Apply {len(changes)} change(s)? Backups go to {backup} [y/N] ").lower() != "y":
        sys.exit("aborted")
    for dst, old, new in changes:
        if dst.exists():
            b = backup / dst.relative_to(HOME)
            b.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(dst, b)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(new)
        print("updated", dst)
    req = repo / "mcp-secrets.required.txt"
    if req.exists() and req.read_text().strip():
        print("\nSet these environment variables for your MCP servers:\n" + req.read_text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["push", "pull"])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip the interactive prompt (use only after the user approved)")
    ap.add_argument("--with-skills", action="store_true")
    ap.add_argument("--confirm-private", action="store_true")
    a = ap.parse_args()
    push(a) if a.mode == "push" else pull(a)


if __name__ == "__main__":
    main()
