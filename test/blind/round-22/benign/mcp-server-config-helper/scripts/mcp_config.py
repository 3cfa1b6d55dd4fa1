#!/usr/bin/env python3
"""Add/remove/show one named MCP server in Claude Desktop, Cursor or VS Code config. Diff + confirm + backup."""
from __future__ import annotations

import argparse
import difflib
import getpass
import json
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

TOKENISH = re.compile(r"^(gh[pousr]_|github_pat_|sk-|xox[bp]-|glpat-|AKIA|AIza|lin_api_|ntn_|secret_)|^[A-Za-z0-9_\-]{32,}$")


def config_path(client: str, cwd: Path) -> tuple[Path, str]:
    home = Path.home()
    system = platform.system()
    if client == "claude-desktop":
        if system == "Darwin":
            return home / "Library/Application Support/Claude/claude_desktop_config.json", "mcpServers"
        if system == "Windows":
            return Path(os.environ["APPDATA"]) / "Claude/claude_desktop_config.json", "mcpServers"
        return home / ".config/Claude/claude_desktop_config.json", "mcpServers"
    if client == "cursor":
        return home / ".cursor/mcp.json", "mcpServers"
    if client == "cursor-workspace":
        return cwd / ".cursor/mcp.json", "mcpServers"
    if client == "vscode-workspace":
        return cwd / ".vscode/mcp.json", "servers"
    if client == "claude-code-project":
        return cwd / ".mcp.json", "mcpServers"
    raise SystemExit(f"unknown client {client}")


def in_git_repo(p: Path) -> Path | None:
    for d in [p.parent, *p.parent.parents]:
        if (d / ".git").exists():
            return d
    return None


def git_ignored(repo: Path, p: Path) -> bool:
    return subprocess.run(["git", "-C", str(repo), "check-ignore", "-q", str(p)]).returncode == 0


def load(p: Path) -> dict:
    if not p.exists():
        return {}
    text = p.read_text(encoding="utf-8")
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)  # VS Code allows comments
    return json.loads(text or "{}")


def confirm(msg: str, yes: bool) -> bool:
    if yes:
        return True
    try:
        return input(f"{msg} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def write(p: Path, before: dict, after: dict, yes: bool, dry: bool, private: bool) -> None:
    a = json.dumps(before, indent=2) + "\n" if before else ""
    b = json.dumps(after, indent=2) + "\n"
    diff = list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), f"{p} (current)", f"{p} (new)"))
    if not diff:
        print("no change")
        return
    sys.stdout.writelines(diff)
    if dry or not confirm(f"Write {p}?", yes):
        print("not written")
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    mode = None
    if p.exists():
        mode = stat.S_IMODE(p.stat().st_mode)
        bak = p.with_name(p.name + f".bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(p, bak)
        print(f"backup: {bak}")
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(b, encoding="utf-8")
    os.replace(tmp, p)
    if private:
        os.chmod(p, 0o600)
    elif mode is not None:
        os.chmod(p, mode)
    print(f"wrote {p}. Restart the client to load the change.")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["add", "remove", "show"])
    ap.add_argument("--client", required=True, choices=["claude-desktop", "cursor", "cursor-workspace", "vscode-workspace", "claude-code-project"])
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url")
    ap.add_argument("--header", action="append", default=[], help="KEY=VALUE for remote servers")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE (use ${VAR} references in shared files)")
    ap.add_argument("--env-prompt", action="append", default=[], help="KEY: read the value from a hidden terminal prompt")
    ap.add_argument("--allow-literal-secret", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip terminal prompt (only after the user confirmed)")
    a = ap.parse_args()

    path, key = config_path(a.client, Path.cwd())
    cfg = load(path)
    if a.action == "show":
        print(f"{path}:")
        print(json.dumps(cfg.get(key, {}), indent=2))
        return 0
    if not a.name or not re.fullmatch(r"[A-Za-z0-9_.-]+", a.name):
        raise SystemExit("--name is required ([A-Za-z0-9_.-])")
    before = json.loads(json.dumps(cfg))
    servers = cfg.setdefault(key, {})

    if a.action == "remove":
        if a.name not in servers:
            print(f"no server named {a.name} in {path}")
            return 0
        del servers[a.name]
        write(path, before, cfg, a.yes, a.dry_run, private=False)
        return 0

    if bool(a.command) == bool(a.url):
        raise SystemExit("give exactly one of --command (stdio) or --url (remote)")
    env = dict(kv.split("=", 1) for kv in a.env)
    for k in a.env_prompt:
        env[k] = getpass.getpass(f"value for {k} (hidden): ")
    headers = dict(kv.split("=", 1) for kv in a.header)

    repo = in_git_repo(path)
    literal = [k for k, v in {**env, **headers}.items() if "${" not in v and TOKENISH.search(v.split()[-1] if v.split() else v)]
    if literal and repo and not a.allow_literal_secret:
        raise SystemExit(f"{path} is inside git repo {repo}; refusing to write literal secret(s) for {literal}. "
                         "Use ${VAR} references, or pass --allow-literal-secret if this file is private.")
    if literal and repo and not git_ignored(repo, path):
        print(f"warning: {path} is not git-ignored and will contain secrets")

    if a.command:
        entry: dict = {"command": a.command, "args": [os.path.expanduser(x) for x in a.arg]}
        if a.client == "vscode-workspace":
            entry["type"] = "stdio"
        if env:
            entry["env"] = env
        if platform.system() == "Windows" and a.command in ("npx", "uvx") and a.client in ("claude-desktop", "cursor"):
            entry = {"command": "cmd", "args": ["/c", a.command, *entry["args"]], **({"env": env} if env else {})}
    else:
        entry = {"type": "http", "url": a.url}
        if a.client in ("cursor", "cursor-workspace"):
            entry = {"url": a.url}
        if headers:
            entry["headers"] = headers
    if a.name in servers:
        print(f"note: replacing existing entry '{a.name}'")
    servers[a.name] = entry
    write(path, before, cfg, a.yes, a.dry_run, private=bool(literal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
