#!/usr/bin/env python3
"""Add/list/remove MCP server entries in Claude Desktop or Cursor config files (preview unless --apply)."""
import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path


def config_path(client: str, project: bool) -> Path:
    home = Path.home()
    if client == "desktop":
        system = platform.system()
        if system == "Darwin":
            return home / "Library/Application Support/Claude/claude_desktop_config.json"
        if system == "Windows":
            return Path(os.environ["APPDATA"]) / "Claude/claude_desktop_config.json"
        return home / ".config/Claude/claude_desktop_config.json"
    if client == "cursor":
        return Path(".cursor/mcp.json") if project else home / ".cursor/mcp.json"
    if client == "claude-project":
        return Path(".mcp.json")
    raise SystemExit(f"unknown client {client}")


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def save(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        backup = path.with_suffix(path.suffix + f".bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(path, backup)
        print(f"backup: {backup}")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    print(f"wrote {path}")


def looks_like_literal_secret(value: str) -> bool:
    if value.startswith("${") and value.endswith("}"):
        return False
    prefixes = ("ghp_", "github_pat_", "sk-", "xox", "AKIA", "glpat-", "lin_api_")
    return value.startswith(prefixes) or len(value) >= 32


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("action", choices=["add", "list", "remove"])
    ap.add_argument("--client", required=True, choices=["desktop", "cursor", "claude-project"])
    ap.add_argument("--project", action="store_true", help="cursor: use .cursor/mcp.json in the current repo")
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--args", default="", help="comma-separated")
    ap.add_argument("--url", help="remote (HTTP) server URL instead of a command")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE (use ${VAR} in project files)")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    path = config_path(a.client, a.project)
    data = load(path)
    servers = data.setdefault("mcpServers", {})
    shared_file = a.client == "claude-project" or (a.client == "cursor" and a.project)

    if a.action == "list":
        print(f"{path}:")
        for name, cfg in servers.items():
            target = cfg.get("url") or " ".join([cfg.get("command", "")] + cfg.get("args", []))
            print(f"  {name:20} {target}  env={sorted(cfg.get('env', {}))}")
        return 0

    if not a.name:
        ap.error("--name is required")

    if a.action == "remove":
        if a.name not in servers:
            print(f"{a.name} is not configured in {path}")
            return 1
        print(f"would remove {a.name}: {json.dumps(servers[a.name])}")
        del servers[a.name]
    else:
        if a.name in servers:
            print(f"{a.name} already exists in {path}; remove it first or choose another name")
            return 1
        if a.url:
            entry = {"type": "http", "url": a.url}
        elif a.command:
            entry = {"command": a.command, "args": [x for x in a.args.split(",") if x]}
        else:
            ap.error("--command or --url is required")
        env = {}
        for kv in a.env:
            k, _, v = kv.partition("=")
            if shared_file and looks_like_literal_secret(v):
                print(f"refusing to write a literal secret for {k} into shared file {path}; use ${{{k}}} instead")
                return 1
            env[k] = v
        if env:
            entry["env"] = env
        unpinned = [x for x in entry.get("args", []) if x.startswith("@") and x.count("@") == 1]
        if unpinned:
            print(f"note: {unpinned[0]} has no version pin; consider {unpinned[0]}@<version>")
        print(f"would add to {path}:\n{json.dumps({a.name: entry}, indent=2)}")
        servers[a.name] = entry

    if not a.apply:
        print("(preview only; rerun with --apply)")
        return 0
    save(path, data)
    print("Restart the client (or reload MCP servers) to pick up the change; it will ask you to approve the server.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
