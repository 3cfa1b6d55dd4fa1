#!/usr/bin/env python3
"""List/add/remove MCP server entries in Cursor's user-level ~/.cursor/mcp.json."""
from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
import time
from pathlib import Path

CONFIG = Path.home() / ".cursor" / "mcp.json"


def load() -> dict:
    if CONFIG.exists():
        return json.loads(CONFIG.read_text() or "{}")
    return {}


def show_diff(old: dict, new: dict) -> None:
    a = json.dumps(old, indent=2).splitlines(keepends=True)
    b = json.dumps(new, indent=2).splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(a, b, str(CONFIG), f"{CONFIG} (proposed)"))
    print()


def save(data: dict) -> None:
    CONFIG.parent.mkdir(parents=True, exist_ok=True)
    if CONFIG.exists():
        backup = CONFIG.with_name(f"mcp.json.bak-{time.strftime('%Y%m%d%H%M%S')}")
        shutil.copy2(CONFIG, backup)
        print(f"backup: {backup}")
    tmp = CONFIG.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    tmp.replace(CONFIG)
    print(f"wrote {CONFIG}")


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    add = sub.add_parser("add")
    add.add_argument("name")
    add.add_argument("--command")
    add.add_argument("--arg", action="append", default=[])
    add.add_argument("--url")
    add.add_argument("--header", action="append", default=[], help="Name: ${env:VAR}")
    add.add_argument("--env-ref", action="append", default=[], help="pass VAR through as ${env:VAR}")
    add.add_argument("--env-value", action="append", default=[], help="VAR=literal (stored in plain text)")
    add.add_argument("--replace", action="store_true")
    add.add_argument("--dry-run", action="store_true")
    rm = sub.add_parser("remove")
    rm.add_argument("name")
    rm.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    data = load()
    servers = data.setdefault("mcpServers", {})

    if a.cmd == "list":
        if not servers:
            print("no user-level MCP servers")
        for name, s in servers.items():
            target = s.get("url") or " ".join([s.get("command", "")] + s.get("args", []))
            print(f"{name:<24} {target}  env={sorted((s.get('env') or {}).keys())}")
        return 0

    if a.cmd == "remove":
        if a.name not in servers:
            print(f"{a.name} not configured")
            return 1
        new = json.loads(json.dumps(data))
        del new["mcpServers"][a.name]
        show_diff(data, new)
        if not a.yes:
            print("re-run with --yes to apply")
            return 0
        save(new)
        return 0

    if bool(a.command) == bool(a.url):
        ap.error("give exactly one of --command or --url")
    if a.name in servers and not a.replace:
        print(f"{a.name} already exists; pass --replace after confirming with the user")
        return 1
    entry: dict = {}
    if a.command:
        entry["command"] = a.command
        entry["args"] = a.arg
    else:
        if not a.url.startswith("https://") and not a.url.startswith("http://localhost"):
            ap.error("remote MCP URL must be https (or http://localhost)")
        entry["url"] = a.url
        if a.header:
            entry["headers"] = dict(h.split(":", 1) for h in a.header)
            entry["headers"] = {k.strip(): v.strip() for k, v in entry["headers"].items()}
    env = {v: f"${{env:{v}}}" for v in a.env_ref}
    for kv in a.env_value:
        k, _, v = kv.partition("=")
        env[k] = v
    if env:
        entry["env"] = env

    new = json.loads(json.dumps(data))
    new["mcpServers"][a.name] = entry
    print(json.dumps({a.name: entry}, indent=2))
    show_diff(data, new)
    if a.dry_run:
        print("(dry run, nothing written)")
        return 0
    save(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
