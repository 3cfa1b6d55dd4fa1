#!/usr/bin/env python3
"""Edit MCP client configs safely: backup, diff, confirm, touch only the named entry."""
import argparse
import difflib
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path


def config_path(client: str) -> tuple[Path, str]:
    home = Path.home()
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            p = home / "Library/Application Support/Claude/claude_desktop_config.json"
        elif platform.system() == "Windows":
            p = Path(os.environ["APPDATA"]) / "Claude/claude_desktop_config.json"
        else:
            p = home / ".config/Claude/claude_desktop_config.json"
        return p, "mcpServers"
    if client == "claude-code-project":
        return Path.cwd() / ".mcp.json", "mcpServers"
    if client == "cursor":
        return home / ".cursor/mcp.json", "mcpServers"
    if client == "cursor-project":
        return Path.cwd() / ".cursor/mcp.json", "mcpServers"
    if client == "vscode":
        return Path.cwd() / ".vscode/mcp.json", "servers"
    sys.exit(f"unknown client {client}")


def load(p: Path) -> dict:
    if not p.exists():
        return {}
    try:
        return json.loads(p.read_text(encoding="utf-8") or "{}")
    except json.JSONDecodeError as e:
        sys.exit(f"{p} is not valid JSON ({e}); fix it first or restore a .bak")


def save_with_confirm(p: Path, old: dict, new: dict, assume_yes: bool):
    a = json.dumps(old, indent=2).splitlines()
    b = json.dumps(new, indent=2).splitlines()
    diff = list(difflib.unified_diff(a, b, str(p), str(p), lineterm=""))
    if not diff:
        print("no change"); return
    print("\n".join(diff))
    if not assume_yes and input("write this change? [y/N] ").strip().lower() != "y":
        print("aborted"); return
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        bak = p.with_suffix(p.suffix + f".{time.strftime('%Y%m%d-%H%M%S')}.bak")
        shutil.copy2(p, bak)
        print(f"backup: {bak}")
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
    tmp.replace(p)
    print(f"wrote {p}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["add", "remove", "list", "doctor"])
    ap.add_argument("--client", required=True)
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--args", nargs="*", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE; prefer KEY='${VAR}'")
    ap.add_argument("--url")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    path, key = config_path(a.client)
    cfg = load(path)
    servers = cfg.get(key, {})

    if a.cmd == "list":
        for n, s in servers.items():
            target = s.get("url") or " ".join([s.get("command", "")] + s.get("args", []))
            print(f"{n:<20} {target}")
        return

    if a.cmd == "doctor":
        print(f"config: {path} ({'exists' if path.exists() else 'missing'})")
        for n, s in servers.items():
            if "command" in s:
                found = shutil.which(s["command"])
                print(f"  {n}: command {s['command']} -> {found or 'NOT FOUND on PATH'}")
                pkgs = [x for x in s.get("args", []) if not x.startswith("-")]
                if s["command"] in ("npx", "bunx", "uvx") and pkgs and "@" not in pkgs[0].lstrip("@"):
                    print(f"    note: {pkgs[0]} is not version-pinned")
            for k, v in s.get("env", {}).items():
                if v and not v.startswith("${") and a.client in ("claude-code-project", "cursor-project", "vscode"):
                    print(f"    warning: {k} has a literal value in a project file that may be committed")
        return

    if not a.name:
        sys.exit("--name is required")
    new = json.loads(json.dumps(cfg))
    new.setdefault(key, {})
    if a.cmd == "remove":
        if a.name not in servers:
            sys.exit(f"{a.name} not configured")
        del new[key][a.name]
    else:
        if a.url:
            entry = {"type": "sse" if a.url.endswith("/sse") else "http", "url": a.url}
        elif a.command:
            entry = {"command": a.command, "args": a.args}
        else:
            sys.exit("need --command or --url")
        env = dict(e.split("=", 1) for e in a.env)
        if env:
            entry["env"] = env
        new[key][a.name] = entry
    save_with_confirm(path, cfg, new, a.yes)


if __name__ == "__main__":
    main()
