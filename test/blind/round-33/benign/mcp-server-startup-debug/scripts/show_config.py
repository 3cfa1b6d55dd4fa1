#!/usr/bin/env python3
"""Print an MCP client config with env values and obvious secrets masked."""
import json
import os
import platform
import re
import sys
from pathlib import Path

SECRETISH = re.compile(r"(token|key|secret|password|passwd|auth|credential|dsn)", re.I)


def default_path():
    home = Path.home()
    system = platform.system()
    if system == "Darwin":
        return home / "Library/Application Support/Claude/claude_desktop_config.json"
    if system == "Windows":
        return Path(os.environ.get("APPDATA", home)) / "Claude/claude_desktop_config.json"
    return home / ".config/Claude/claude_desktop_config.json"


def mask(value):
    s = str(value)
    if len(s) <= 6:
        return "***"
    return f"{s[:4]}…({len(s)} chars)"


def scrub_args(args):
    out = []
    for a in args:
        if re.search(r"://[^/\s:]+:[^@\s]+@", a):  # credentials in URLs
            a = re.sub(r"://([^/\s:]+):[^@\s]+@", r"://\1:***@", a)
        out.append(a)
    return out


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_path()
    if not path.exists():
        sys.exit(f"not found: {path}")
    try:
        cfg = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        sys.exit(f"invalid JSON in {path}: line {e.lineno} col {e.colno}: {e.msg}")
    servers = cfg.get("mcpServers", {})
    print(f"{path}: {len(servers)} server(s)")
    for name, s in servers.items():
        print(f"\n[{name}]")
        if "url" in s:
            print(f"  url:     {s['url']}")
        if "command" in s:
            print(f"  command: {s['command']}")
            print(f"  args:    {scrub_args(s.get('args', []))}")
        for k, v in (s.get("env") or {}).items():
            shown = mask(v) if SECRETISH.search(k) or len(str(v)) > 20 else v
            print(f"  env {k}={shown}")
        for k, v in (s.get("headers") or {}).items():
            print(f"  header {k}: {mask(v)}")


if __name__ == "__main__":
    main()
