#!/usr/bin/env python3
"""Add/list/remove one MCP server entry in a client config file, with diff + confirmation + backup."""
import argparse
import difflib
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time


def config_path(client):
    home = os.path.expanduser("~")
    if client == "desktop":
        if platform.system() == "Darwin":
            return os.path.join(home, "Library/Application Support/Claude/claude_desktop_config.json")
        if platform.system() == "Windows":
            return os.path.join(os.environ["APPDATA"], "Claude", "claude_desktop_config.json")
        return os.path.join(home, ".config/Claude/claude_desktop_config.json")
    if client == "cursor":
        return os.path.join(home, ".cursor/mcp.json")
    if client == "cursor-project":
        return os.path.join(os.getcwd(), ".cursor/mcp.json")
    if client == "project":
        return os.path.join(os.getcwd(), ".mcp.json")
    sys.exit(f"unknown client {client}")


def load(path):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        text = fh.read().strip()
    return json.loads(text) if text else {}


def masked(obj):
    s = json.dumps(obj, indent=2, sort_keys=True)
    return re.sub(r'("(?:[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD)[A-Z0-9_]*)"\s*:\s*")(?!\$\{)[^"]{4,}(")', r"\1****\2", s)


def write_with_confirm(path, old, new, yes):
    diff = list(difflib.unified_diff(masked(old).splitlines(), masked(new).splitlines(), path + " (current)", path + " (new)", lineterm=""))
    if not diff:
        print("No change.")
        return
    print("\n".join(diff))
    if not yes:
        ans = input(f"Write this change to {path}? [y/N] ").strip().lower()
        if ans != "y":
            print("Nothing changed.")
            sys.exit(1)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        shutil.copy2(path, f"{path}.{time.strftime('%Y%m%d%H%M%S')}.bak")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".mcp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(new, fh, indent=2)
        fh.write("\n")
    os.replace(tmp, path)
    print(f"Wrote {path}. Restart the client to pick it up.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["add", "list", "remove"])
    ap.add_argument("--client", default="project", choices=["desktop", "cursor", "cursor-project", "project"])
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE (prefer KEY=${VAR})")
    ap.add_argument("--url")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--yes", action="store_true", help="skip prompt (only when the user already approved the shown diff)")
    a = ap.parse_args()

    path = config_path(a.client)
    cfg = load(path)
    servers = cfg.get("mcpServers", {})

    if a.action == "list":
        print(path)
        for name, spec in servers.items():
            target = spec.get("url") or " ".join([spec.get("command", "")] + spec.get("args", []))
            print(f"  {name:20} {target}")
        return

    if not a.name or not re.fullmatch(r"[A-Za-z0-9_.\-]{1,64}", a.name):
        sys.exit("--name is required (letters, digits, . _ -)")
    new = json.loads(json.dumps(cfg))
    new.setdefault("mcpServers", {})

    if a.action == "remove":
        if a.name not in servers:
            sys.exit(f"{a.name} not found in {path}")
        del new["mcpServers"][a.name]
        write_with_confirm(path, cfg, new, a.yes)
        return

    if bool(a.command) == bool(a.url):
        sys.exit("give exactly one of --command (stdio) or --url (remote)")
    if a.url:
        spec = {"type": "http" if not a.url.rstrip("/").endswith("/sse") else "sse", "url": a.url}
        if a.header:
            spec["headers"] = dict(h.split(":", 1) for h in a.header)
    else:
        spec = {"command": a.command, "args": a.arg}
    if a.env:
        spec["env"] = dict(e.split("=", 1) for e in a.env)
        literal = [k for k, v in spec["env"].items() if not v.startswith("${") and re.search("KEY|TOKEN|SECRET|PASSWORD", k)]
        if literal and a.client in ("project", "cursor-project"):
            print(f"WARNING: literal secret(s) {literal} in a project file that is usually committed. Prefer KEY=${{ENV_VAR}}.")
    if a.name in servers:
        print(f"NOTE: replacing existing entry '{a.name}'.")
    new["mcpServers"][a.name] = spec
    write_with_confirm(path, cfg, new, a.yes)


if __name__ == "__main__":
    main()
