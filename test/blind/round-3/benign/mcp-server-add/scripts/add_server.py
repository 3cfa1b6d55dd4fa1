#!/usr/bin/env python3
"""Merge one MCP server definition into ./.mcp.json (project scope) with safety checks."""
import argparse
import json
import re
import sys
from pathlib import Path

ENV_REF = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}")
TOKENISH = re.compile(r"(ghp_|github_pat_|sk-|xox[bp]-|AKIA)|[A-Za-z0-9_\-]{32,}")
NAME_RX = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def kv(items, sep):
    out = {}
    for it in items:
        if sep not in it:
            sys.exit(f"expected KEY{sep}VALUE, got {it!r}")
        k, v = it.split(sep, 1)
        out[k.strip()] = v.strip()
    return out


def check_secret(where, key, value):
    if ENV_REF.search(value):
        return
    if TOKENISH.search(value):
        sys.exit(f"{where} {key!r} looks like a literal credential; pass it as '${{VAR}}' and keep the value in your environment")


def pinned(args):
    pkgs = [a for a in args if not a.startswith("-")]
    if not pkgs:
        return True
    p = pkgs[0]
    return bool(re.search(r"@\d[\w.\-]*$", p) or re.search(r"==\d", p))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--name", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--command", help="stdio server executable (npx, uvx, docker, a path)")
    g.add_argument("--url", help="remote server URL (http transport)")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE, value should be ${VAR}")
    ap.add_argument("--header", action="append", default=[], help="'Name: value', value should contain ${VAR}")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--allow-unpinned", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--file", default=".mcp.json")
    a = ap.parse_args()

    if not NAME_RX.match(a.name):
        sys.exit("name: letters, digits, _ and - only")
    env = kv(a.env, "=")
    headers = kv(a.header, ":")
    for k, v in env.items():
        check_secret("env", k, v)
    for k, v in headers.items():
        check_secret("header", k, v)

    if a.command:
        if a.command in ("npx", "uvx", "bunx") and not pinned(a.arg) and not a.allow_unpinned:
            sys.exit("package is not pinned to a version (e.g. pkg@1.2.3); pin it or pass --allow-unpinned")
        spec = {"command": a.command, "args": a.arg}
        if env:
            spec["env"] = env
    else:
        if not a.url.startswith("https://") and not re.match(r"^http://(127\.0\.0\.1|\[::1\])(:\d+)?/", a.url):
            sys.exit("remote servers must use https:// (plain http only for loopback)")
        spec = {"type": "http", "url": a.url}
        if headers:
            spec["headers"] = headers

    path = Path(a.file)
    data = json.loads(path.read_text()) if path.exists() else {}
    servers = data.setdefault("mcpServers", {})
    if a.name in servers and not a.replace:
        print(json.dumps({a.name: servers[a.name]}, indent=2))
        sys.exit(f"server {a.name!r} already exists (shown above); use --replace to overwrite")
    before = json.dumps(servers.get(a.name), indent=2) if a.name in servers else None
    servers[a.name] = spec

    print(f"{'would write' if a.dry_run else 'writing'} {path}:")
    if before:
        print(f"--- previous {a.name}\n{before}")
    print(json.dumps({a.name: spec}, indent=2))
    if not a.dry_run:
        path.write_text(json.dumps(data, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
