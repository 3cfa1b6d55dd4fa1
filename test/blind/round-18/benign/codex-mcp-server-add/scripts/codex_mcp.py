#!/usr/bin/env python3
"""Add, list or remove MCP server entries in the Codex CLI config.toml, with diff and backup."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")


def config_path() -> Path:
    home = os.environ.get("CODEX_HOME")
    return (Path(home) if home else Path.home() / ".codex") / "config.toml"


def toml_str(value: str) -> str:
    return json.dumps(value)  # JSON string escaping is valid TOML basic-string escaping


def render(name: str, args: argparse.Namespace) -> str:
    lines = [f"[mcp_servers.{name}]"]
    if args.url:
        lines.append(f"url = {toml_str(args.url)}")
        if args.bearer_env:
            lines.append(f"bearer_token_env_var = {toml_str(args.bearer_env)}")
    else:
        lines.append(f"command = {toml_str(args.command[0])}")
        lines.append("args = [" + ", ".join(toml_str(a) for a in args.command[1:]) + "]")
    if args.env:
        pairs = []
        for item in args.env:
            key, sep, val = item.partition("=")
            if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
                sys.exit(f"--env expects KEY=VALUE, got {item!r}")
            pairs.append(f"{key} = {toml_str(val)}")
        lines.append("env = { " + ", ".join(pairs) + " }")
    if args.startup_timeout:
        lines.append(f"startup_timeout_sec = {args.startup_timeout}")
    if args.tool_timeout:
        lines.append(f"tool_timeout_sec = {args.tool_timeout}")
    return "\n".join(lines) + "\n"


def section_span(text: str, name: str) -> tuple[int, int] | None:
    """Return (start, end) character offsets of the [mcp_servers.<name>] table, including sub-tables."""
    header = re.compile(rf"^\[mcp_servers\.{re.escape(name)}(\.[^\]]+)?\]\s*$", re.M)
    m = header.search(text)
    if not m:
        return None
    nxt = re.compile(r"^\[", re.M)
    pos = m.end()
    while True:
        n = nxt.search(text, pos)
        if not n:
            return m.start(), len(text)
        if header.match(text, n.start()):
            pos = n.end()
            continue
        return m.start(), n.start()


def write_with_confirm(path: Path, old: str, new: str, dry_run: bool, yes: bool) -> int:
    diff = "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        fromfile=str(path), tofile=str(path) + " (new)"))
    print(diff or "no changes")
    if dry_run or not diff:
        return 0
    if tomllib:
        try:
            tomllib.loads(new)
        except tomllib.TOMLDecodeError as exc:
            sys.exit(f"resulting config would not parse: {exc}; nothing written")
    if not yes and input("Write these changes? [y/N] ").strip().lower() not in {"y", "yes"}:
        print("cancelled")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        backup = path.with_name(f"{path.name}.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        backup.write_text(old)
        os.chmod(backup, 0o600)
        print(f"backup: {backup}")
    path.write_text(new)
    os.chmod(path, 0o600)
    print(f"wrote {path} (mode 600); restart Codex to load the change")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add")
    add.add_argument("name")
    add.add_argument("--url")
    add.add_argument("--bearer-env")
    add.add_argument("--env", action="append", default=[])
    add.add_argument("--startup-timeout", type=int)
    add.add_argument("--tool-timeout", type=int)
    add.add_argument("--replace", action="store_true")
    add.add_argument("--dry-run", action="store_true")
    add.add_argument("--yes", action="store_true")
    add.add_argument("command", nargs="*", help="after --: the server command and its arguments")
    rm = sub.add_parser("remove")
    rm.add_argument("name")
    rm.add_argument("--dry-run", action="store_true")
    rm.add_argument("--yes", action="store_true")
    sub.add_parser("list")
    args = ap.parse_args()

    path = config_path()
    old = path.read_text() if path.exists() else ""

    if args.action == "list":
        if not tomllib:
            print(re.findall(r"^\[mcp_servers\.([^\].]+)\]", old, re.M))
            return 0
        servers = tomllib.loads(old).get("mcp_servers", {}) if old else {}
        for name, spec in servers.items():
            target = spec.get("url") or " ".join([spec.get("command", "")] + spec.get("args", []))
            print(f"{name:<20} {target}")
        return 0

    if not NAME_RE.match(args.name):
        sys.exit("server name must match [A-Za-z0-9_-]+")
    span = section_span(old, args.name)

    if args.action == "remove":
        if not span:
            sys.exit(f"no [mcp_servers.{args.name}] in {path}")
        new = old[:span[0]] + old[span[1]:]
        return write_with_confirm(path, old, new, args.dry_run, args.yes)

    if bool(args.url) == bool(args.command):
        sys.exit("give either --url or a command after --")
    if args.env:
        print("note: --env values are stored in plain text in config.toml", file=sys.stderr)
    block = render(args.name, args)
    if span:
        if not args.replace:
            sys.exit(f"[mcp_servers.{args.name}] already exists; pass --replace to overwrite it")
        new = old[:span[0]] + block + ("\n" if span[1] < len(old) else "") + old[span[1]:]
    else:
        sep = "" if not old or old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
        new = old + sep + block
    return write_with_confirm(path, old, new, args.dry_run, args.yes)


if __name__ == "__main__":
    sys.exit(main())
