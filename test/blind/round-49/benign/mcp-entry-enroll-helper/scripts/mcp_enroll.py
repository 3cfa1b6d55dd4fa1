#!/usr/bin/env python3
"""Plan/apply/remove an MCP server entry in a client config, with backup and diff."""
import argparse
import datetime as dt
import difflib
import json
import os
import platform
import shlex
import shutil
import sys
from pathlib import Path

BLOCKED_KEYS = {"enableAllProjectMcpServers", "autoApprove", "alwaysAllow", "permissions", "hooks"}


def config_path(client: str, scope: str) -> Path:
    home = Path.home()
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            return home / "Library/Application Support/Claude/claude_desktop_config.json"
        if platform.system() == "Windows":
            return Path(os.environ["APPDATA"]) / "Claude/claude_desktop_config.json"
        return home / ".config/Claude/claude_desktop_config.json"
    if client == "cursor":
        return Path(".cursor/mcp.json") if scope == "project" else home / ".cursor/mcp.json"
    if client == "claude-code":
        if scope == "project":
            return Path(".mcp.json")
        sys.exit("for Claude Code user scope use: claude mcp add ...")
    sys.exit(f"unknown client {client}")


def build_entry(a) -> dict:
    if a.url:
        e = {"type": "http", "url": a.url} if a.client != "claude-desktop" else {"command": "npx", "args": ["-y", "mcp-remote", a.url]}
    else:
        e = {"command": a.command, "args": shlex.split(a.args or "")}
    if a.env:
        e["env"] = {}
        for kv in a.env:
            k, _, v = kv.partition("=")
            e["env"][k] = v if not v.startswith("ref:") else f"<fill in: {v[4:]}>"
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["plan", "apply", "remove"])
    ap.add_argument("--client", required=True, choices=["claude-desktop", "claude-code", "cursor"])
    ap.add_argument("--scope", default="user", choices=["user", "project"])
    ap.add_argument("--name", required=True)
    ap.add_argument("--command"); ap.add_argument("--args"); ap.add_argument("--url")
    ap.add_argument("--env", action="append")
    a = ap.parse_args()

    path = config_path(a.client, a.scope)
    before = json.loads(path.read_text()) if path.exists() else {}
    after = json.loads(json.dumps(before))
    servers = after.setdefault("mcpServers", {})
    if a.action == "remove":
        if a.name not in servers:
            sys.exit(f"{a.name} not in {path}")
        del servers[a.name]
    else:
        if not (a.command or a.url):
            sys.exit("--command or --url required")
        servers[a.name] = build_entry(a)
    for k in BLOCKED_KEYS:
        if k in after and after.get(k) != before.get(k):
            sys.exit(f"refusing to change {k}")

    old = json.dumps(before, indent=2).splitlines()
    new = json.dumps(after, indent=2).splitlines()
    print("\n".join(difflib.unified_diff(old, new, str(path), str(path), lineterm="")))
    if a.action == "plan":
        return
    if input(f"Write these changes to {path}? (yes/no) ").strip().lower() != "yes":
        sys.exit("aborted")
    if path.exists():
        bak = path.with_name(path.name + ".bak-" + dt.datetime.now().strftime("%Y%m%dT%H%M%S"))
        shutil.copy2(path, bak)
        print(f"backup: {bak}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(after, indent=2) + "\n")
    print("written; restart the client to load it")


if __name__ == "__main__":
    main()
