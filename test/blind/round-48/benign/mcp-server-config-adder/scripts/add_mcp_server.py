#!/usr/bin/env python3
"""Add (or remove) one MCP server entry in a client config file, with diff, confirmation and backup."""
import argparse
import difflib
import json
import os
import platform
import shutil
import sys
import time

HOME = os.path.expanduser("~")


def config_path(client, scope):
    if client == "claude-code":
        return os.path.join(os.getcwd(), ".mcp.json") if scope == "project" else os.path.join(HOME, ".claude.json")
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            return os.path.join(HOME, "Library", "Application Support", "Claude", "claude_desktop_config.json")
        if platform.system() == "Windows":
            return os.path.join(os.environ["APPDATA"], "Claude", "claude_desktop_config.json")
        return os.path.join(HOME, ".config", "Claude", "claude_desktop_config.json")
    if client == "cursor":
        return os.path.join(os.getcwd(), ".cursor", "mcp.json") if scope == "project" else os.path.join(HOME, ".cursor", "mcp.json")
    sys.exit(f"unknown client {client}")


def servers_node(doc, client, scope):
    if client == "claude-code" and scope == "local":
        proj = doc.setdefault("projects", {}).setdefault(os.getcwd(), {})
        return proj.setdefault("mcpServers", {})
    return doc.setdefault("mcpServers", {})


def parse_kv(items):
    out = {}
    for item in items or []:
        if "=" not in item:
            sys.exit(f"expected KEY=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        out[k] = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--client", choices=["claude-code", "claude-desktop", "cursor"], required=True)
    ap.add_argument("--scope", choices=["user", "local", "project"], default="user")
    ap.add_argument("--name", required=True)
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url")
    ap.add_argument("--transport", choices=["stdio", "http", "sse"])
    ap.add_argument("--env", action="append", help="KEY=VALUE (use ${VAR} to avoid literal secrets)")
    ap.add_argument("--header", action="append", help="Name=Value for http/sse servers")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--remove", action="store_true")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--yes", action="store_true", help="write after the user has seen the dry-run diff")
    a = ap.parse_args()

    path = config_path(a.client, a.scope)
    before = open(path).read() if os.path.exists(path) else ""
    doc = json.loads(before) if before.strip() else {}
    servers = servers_node(doc, a.client, a.scope)

    if a.remove:
        if a.name not in servers:
            sys.exit(f"{a.name} not present in {path}")
        del servers[a.name]
    else:
        if a.name in servers and not a.replace:
            sys.exit(f"{a.name} already exists in {path}; pass --replace to overwrite")
        if a.url:
            entry = {"type": a.transport or "http", "url": a.url}
            if a.header:
                entry["headers"] = parse_kv(a.header)
        elif a.command:
            entry = {"command": a.command, "args": a.arg}
            if a.client == "claude-code":
                entry = {"type": "stdio", **entry}
        else:
            sys.exit("need --command or --url")
        if a.env:
            entry["env"] = parse_kv(a.env)
        servers[a.name] = entry

    after = json.dumps(doc, indent=2) + "\n"
    diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True), fromfile=path, tofile=path + " (new)")
    print(f"target: {path}")
    sys.stdout.writelines(diff)
    literal = [k for k, v in (servers.get(a.name, {}).get("env") or {}).items() if v and not v.startswith("${")]
    if literal and a.scope == "project":
        print(f"\nwarning: literal values for {literal} in a project-scope file that is usually committed")

    if a.dry_run:
        print("\n(dry run - nothing written)")
        return
    if before:
        bak = f"{path}.bak-{time.strftime('%Y%m%d-%H%M%S')}"
        shutil.copy2(path, bak)
        print(f"backup: {bak}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(after)
    if before:
        shutil.copymode(bak, tmp)
    os.replace(tmp, path)
    print("written")


if __name__ == "__main__":
    main()
