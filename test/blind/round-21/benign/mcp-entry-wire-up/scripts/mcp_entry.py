#!/usr/bin/env python3
"""Add/remove/list a named MCP server entry in a client's JSON config. Diff-only unless --write."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import platform
import re
import shutil
import sys
from pathlib import Path


def config_path(client: str) -> tuple[Path, str]:
    home = Path.home()
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            return home / "Library/Application Support/Claude/claude_desktop_config.json", "mcpServers"
        if platform.system() == "Windows":
            return Path(os.environ["APPDATA"]) / "Claude/claude_desktop_config.json", "mcpServers"
        return home / ".config/Claude/claude_desktop_config.json", "mcpServers"
    if client == "claude-code-project":
        return Path.cwd() / ".mcp.json", "mcpServers"
    if client == "cursor":
        return home / ".cursor/mcp.json", "mcpServers"
    if client == "cursor-project":
        return Path.cwd() / ".cursor/mcp.json", "mcpServers"
    if client == "vscode":
        return Path.cwd() / ".vscode/mcp.json", "servers"
    sys.exit(f"unknown client {client}")


LITERAL_SECRET = re.compile(r"^(gh[pousr]_|github_pat_|sk-|sk-ant-|xox[bp]-|AKIA|glpat-|npm_)|^[A-Za-z0-9_\-]{32,}$")


def load(p: Path) -> dict:
    if not p.exists():
        return {}
    text = p.read_text(encoding="utf-8")
    return json.loads(text) if text.strip() else {}


def show_diff(p: Path, old: dict, new: dict):
    a = json.dumps(old, indent=2, ensure_ascii=False).splitlines(True) if old else []
    b = json.dumps(new, indent=2, ensure_ascii=False).splitlines(True)
    sys.stdout.writelines(difflib.unified_diff(a, b, f"{p} (current)", f"{p} (proposed)"))
    print()


def write(p: Path, data: dict):
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        bak = p.with_name(p.name + f".bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(p, bak)
        print(f"backup: {bak}")
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, p)
    print(f"wrote {p}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["add", "remove", "list"])
    ap.add_argument("--client", required=True,
                    choices=["claude-desktop", "claude-code-project", "cursor", "cursor-project", "vscode"])
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=${KEY} (reference) or KEY=value")
    ap.add_argument("--url", help="remote server URL (http transport)")
    ap.add_argument("--header", action="append", default=[], help="Header: ${VAR}")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--replace", action="store_true", help="allow replacing an existing entry of the same name")
    a = ap.parse_args()

    path, key = config_path(a.client)
    cur = load(path)
    servers = cur.get(key, {})

    if a.action == "list":
        for n, e in servers.items():
            target = e.get("url") or " ".join([e.get("command", "")] + e.get("args", []))
            print(f"{n:<20} {target}")
        return

    if not a.name or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", a.name):
        sys.exit("--name is required ([A-Za-z0-9_.-])")
    new = json.loads(json.dumps(cur))
    new.setdefault(key, {})

    if a.action == "remove":
        if a.name not in servers:
            sys.exit(f"no server named {a.name} in {path}")
        del new[key][a.name]
    else:
        if a.name in servers and not a.replace:
            sys.exit(f"{a.name} already exists in {path}; pass --replace to overwrite it")
        entry: dict = {}
        if a.url:
            entry = {"type": "http", "url": a.url}
            if a.header:
                entry["headers"] = dict(h.split(":", 1) for h in a.header)
                entry["headers"] = {k.strip(): v.strip() for k, v in entry["headers"].items()}
        elif a.command:
            entry = {"command": a.command, "args": a.arg}
            if a.client == "vscode":
                entry["type"] = "stdio"
        else:
            sys.exit("need --command (stdio) or --url (remote)")
        env = {}
        for kv in a.env:
            k, _, v = kv.partition("=")
            if LITERAL_SECRET.search(v) and not v.startswith("${"):
                committed = a.client in ("claude-code-project", "cursor-project", "vscode")
                msg = f"{k} looks like a literal secret."
                if committed:
                    sys.exit(msg + f" This file is inside the project; use {k}=${{{k}}} and export {k} in your shell.")
                print("warning: " + msg + f" Prefer {k}=${{{k}}} so the value stays in your environment.", file=sys.stderr)
            env[k] = v
        if env:
            entry["env"] = env
        new[key][a.name] = entry

    show_diff(path, cur, new)
    if not a.write:
        print("(dry run — re-run with --write after the user confirms)")
        return
    write(path, new)
    print("Restart the client (or run /mcp in Claude Code) to load the change.")


if __name__ == "__main__":
    main()
