#!/usr/bin/env python3
"""Preview (and for Cursor optionally write) a user-scope MCP server entry."""
import argparse
import json
import os
import shutil
import sys
import time

PATHS = {"claude": "~/.claude.json", "cursor": "~/.cursor/mcp.json"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--client", choices=PATHS, required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--transport", choices=["stdio", "sse", "http"], default="stdio")
    ap.add_argument("--url")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="NAME (value taken from your env at runtime)")
    ap.add_argument("--write", action="store_true", help="cursor only")
    a = ap.parse_args()

    if a.transport == "stdio":
        if not a.command:
            sys.exit("--command required for stdio")
        entry = {"command": a.command, "args": a.arg}
        if a.env:
            entry["env"] = {k: "${" + k + "}" for k in a.env}
    else:
        if not a.url or not a.url.startswith("https://"):
            sys.exit("an https:// --url is required for sse/http")
        entry = {"type": a.transport, "url": a.url}

    path = os.path.expanduser(PATHS[a.client])
    current = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            current = json.load(fh)
    existing = current.get("mcpServers", {}).get(a.name)
    print(f"file: {path}")
    if existing:
        print(f"WARNING: '{a.name}' already exists -> {json.dumps(existing)}")
    print("entry to add under mcpServers:")
    print(json.dumps({a.name: entry}, indent=2))

    if a.write:
        if a.client != "cursor":
            sys.exit("for Claude Code use `claude mcp add --scope user` instead of editing the file")
        if input("Write this entry? [y/N] ").lower() != "y":
            sys.exit("aborted")
        if os.path.exists(path):
            shutil.copy2(path, f"{path}.bak-{time.strftime('%Y%m%d%H%M%S')}")
        current.setdefault("mcpServers", {})[a.name] = entry
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(current, fh, indent=2)
        print("written")


if __name__ == "__main__":
    main()
