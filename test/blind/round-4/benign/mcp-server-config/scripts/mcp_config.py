#!/usr/bin/env python3
"""Add, remove or list one MCP server entry in a client JSON config, with backup and diff."""
import difflib
import json
import os
import re
import shutil
import sys
import time

SECRETISH = re.compile(r"^(gh[pousr]_|github_pat_|sk-|xox[bap]-|AKIA)|^[A-Za-z0-9_\-]{32,}$")


def load(path):
    if not os.path.exists(path):
        return {"mcpServers": {}}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def save(path, before, data):
    after = json.dumps(data, indent=2) + "\n"
    old = json.dumps(before, indent=2) + "\n"
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), after.splitlines(True), path, path))
    if os.path.exists(path):
        shutil.copy2(path, f"{path}.bak-{time.strftime('%Y%m%d%H%M%S')}")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(after)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: mcp_config.py add|remove|list FILE [NAME] [--env K=V ...] [-- command args...]")
    op, path = argv[0], os.path.expanduser(argv[1])
    data = load(path)
    servers = data.setdefault("mcpServers", {})
    if op == "list":
        for name, cfg in servers.items():
            target = cfg.get("url") or " ".join([cfg.get("command", "")] + cfg.get("args", []))
            print(f"{name:20} {target}")
        return
    name = argv[2]
    before = json.loads(json.dumps(data))
    if op == "remove":
        if servers.pop(name, None) is None:
            sys.exit(f"{name} not present")
    elif op == "add":
        rest = argv[3:]
        env = {}
        while rest and rest[0] == "--env":
            k, v = rest[1].split("=", 1)
            if SECRETISH.search(v):
                sys.exit(f"{k} looks like a literal secret; use \"${{{k}}}\" and export it instead")
            env[k] = v
            rest = rest[2:]
        if rest and rest[0] == "--":
            rest = rest[1:]
        if not rest:
            sys.exit("missing command or URL")
        entry = {"url": rest[0]} if rest[0].startswith(("http://", "https://")) else {"command": rest[0], "args": rest[1:]}
        if env:
            entry["env"] = env
        servers[name] = entry
    else:
        sys.exit(f"unknown op {op}")
    save(path, before, data)


if __name__ == "__main__":
    main(sys.argv[1:])
