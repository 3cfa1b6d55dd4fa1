#!/usr/bin/env python3
"""Add / remove / list MCP servers in a JSON client config (Claude Desktop, Cursor). Backs up first."""
import argparse
import difflib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

SECRETISH = re.compile(r"(?i)key|token|secret|password|pat\b")


def load(path: Path) -> dict:
    if not path.exists():
        return {"mcpServers": {}}
    return json.loads(path.read_text() or "{}")


def masked(entry: dict) -> dict:
    e = json.loads(json.dumps(entry))
    for k in list(e.get("env", {})):
        if SECRETISH.search(k) and not str(e["env"][k]).startswith("${"):
            e["env"][k] = "****"
    for k in list(e.get("headers", {})):
        e["headers"][k] = "****"
    return e


def save(path: Path, before: str, data: dict) -> None:
    after = json.dumps(data, indent=2) + "\n"
    sys.stdout.writelines(difflib.unified_diff(
        [re.sub(r'("(?:[A-Z_]*(?:KEY|TOKEN|SECRET)[A-Z_]*)": ")[^"$][^"]*"', r'\1****"', l) for l in before.splitlines(True)],
        [re.sub(r'("(?:[A-Z_]*(?:KEY|TOKEN|SECRET)[A-Z_]*)": ")[^"$][^"]*"', r'\1****"', l) for l in after.splitlines(True)],
        "before", "after"))
    if path.exists():
        shutil.copy2(path, f"{path}.bak.{time.strftime('%Y%m%d-%H%M%S')}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".mcp-")
    with os.fdopen(fd, "w") as fh:
        fh.write(after)
    os.replace(tmp, path)
    print(f"\nwrote {path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["add", "remove", "list"])
    ap.add_argument("--file", required=True)
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE or KEY=${VAR}")
    ap.add_argument("--replace", action="store_true")
    a = ap.parse_args()
    path = Path(os.path.expanduser(a.file))
    before = path.read_text() if path.exists() else ""
    data = load(path)
    servers = data.setdefault("mcpServers", {})
    if a.action == "list":
        for name, e in servers.items():
            kind = "http" if "url" in e else "stdio"
            target = e.get("url") or " ".join([e.get("command", "")] + e.get("args", []))
            pinned = "pinned" if re.search(r"@\d|==\d", target) or kind == "http" else "UNPINNED"
            print(f"{name:<20} {kind:<6} {pinned:<9} {target}  env={sorted(e.get('env', {}))}")
        return
    if not a.name:
        sys.exit("--name is required")
    if a.action == "remove":
        if servers.pop(a.name, None) is None:
            sys.exit(f"no server named {a.name}")
        save(path, before, data)
        return
    if a.name in servers and not a.replace:
        sys.exit(f"{a.name} exists; use --replace to overwrite")
    if bool(a.command) == bool(a.url):
        sys.exit("give exactly one of --command or --url")
    entry = {"url": a.url} if a.url else {"command": a.command, "args": a.arg}
    if a.env:
        entry["env"] = dict(kv.split("=", 1) for kv in a.env)
    servers[a.name] = entry
    print(json.dumps({a.name: masked(entry)}, indent=2))
    save(path, before, data)


if __name__ == "__main__":
    main()
