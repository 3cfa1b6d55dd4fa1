#!/usr/bin/env python3
"""Merge a read-only Postgres MCP server entry into the project's .mcp.json."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def npm_latest(pkg: str) -> str | None:
    if not shutil.which("npm"):
        return None
    try:
        out = subprocess.run(["npm", "view", pkg, "version"], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        return None
    return out.stdout.strip() or None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True, help="server key in .mcp.json, e.g. app-db-ro")
    ap.add_argument("--package", required=True, help="MCP server package the user chose")
    ap.add_argument("--version", help="version to pin (default: current npm version)")
    ap.add_argument("--env-var", required=True, help="environment variable holding the read-only DSN")
    ap.add_argument("--runner", default="npx", choices=["npx", "uvx"])
    ap.add_argument("--file", default=".mcp.json")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    if not ENV_NAME.match(args.env_var):
        sys.exit(f"--env-var must be a variable NAME such as PG_READONLY_URL, got {args.env_var!r}. "
                 "Never put the connection string itself in .mcp.json.")

    version = args.version or (npm_latest(args.package) if args.runner == "npx" else None)
    if args.runner == "npx":
        spec = f"{args.package}@{version}" if version else args.package
        argv = ["-y", spec, "${" + args.env_var + "}"]
    else:
        spec = f"{args.package}=={version}" if version else args.package
        argv = [spec, "--access-mode=restricted"]
    entry = {"command": args.runner, "args": argv}
    if args.runner == "uvx":
        entry["env"] = {"DATABASE_URI": "${" + args.env_var + "}"}

    path = Path(args.file)
    data = json.loads(path.read_text()) if path.exists() else {}
    servers = data.setdefault("mcpServers", {})
    if args.name in servers and servers[args.name] != entry:
        print(f"Replacing existing entry {args.name!r}:\n{json.dumps(servers[args.name], indent=2)}")
    servers[args.name] = entry

    text = json.dumps(data, indent=2) + "\n"
    print(text)
    if version is None:
        print("warning: version not pinned; pass --version to pin it", file=sys.stderr)
    if not args.dry_run:
        path.write_text(text)
        print(f"Wrote {path}. Make sure {args.env_var} is exported in your shell.")


if __name__ == "__main__":
    main()
