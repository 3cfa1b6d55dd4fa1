#!/usr/bin/env python3
"""Add or update one MCP server entry in an mcpServers JSON file, with a diff preview."""
import argparse
import difflib
import json
import re
import shutil
import sys
from pathlib import Path


def parse_kv(items):
    out = {}
    for it in items or []:
        if "=" not in it:
            sys.exit(f"expected KEY=VALUE, got {it!r}")
        k, v = it.split("=", 1)
        out[k] = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True, type=Path)
    ap.add_argument("--name", required=True)
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url", help="remote server URL (http/sse transport)")
    ap.add_argument("--transport", choices=["http", "sse"], default="http")
    ap.add_argument("--env", action="append", help="KEY=VALUE; use ${VAR} references for secrets")
    ap.add_argument("--header", action="append", help="Name=Value for remote servers")
    ap.add_argument("--allow-literal", action="store_true")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", a.name):
        sys.exit("server name must be letters, digits, _ or -")
    if bool(a.command) == bool(a.url):
        sys.exit("give exactly one of --command or --url")

    env, headers = parse_kv(a.env), parse_kv(a.header)
    literal = [k for k, v in {**env, **headers}.items() if not re.fullmatch(r"\$\{[A-Z0-9_]+\}", v)
               and re.search(r"(?i)(token|key|secret|password|authorization)", k)]
    in_repo = (a.file.resolve().parent / ".git").exists() or a.file.name == ".mcp.json"
    if literal and (not a.allow_literal or in_repo):
        sys.exit(f"refusing to write literal secret values for {literal}; use ${{VAR}} references "
                 "(and export the variable in your shell)")

    entry = {"type": a.transport, "url": a.url} if a.url else {"command": a.command, "args": a.arg}
    if env:
        entry["env"] = env
    if headers:
        entry["headers"] = headers

    old_text = a.file.read_text() if a.file.exists() else "{}\n"
    data = json.loads(old_text or "{}")
    data.setdefault("mcpServers", {})
    action = "update" if a.name in data["mcpServers"] else "add"
    data["mcpServers"][a.name] = entry
    new_text = json.dumps(data, indent=2) + "\n"

    diff = "".join(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True),
                                        fromfile=str(a.file), tofile=str(a.file)))
    print(diff or "(no change)")
    if not diff:
        return
    if not a.yes and input(f"{action} server '{a.name}' in {a.file}? [y/N] ").strip().lower() != "y":
        sys.exit("not written")
    if a.file.exists():
        shutil.copyfile(a.file, a.file.with_suffix(a.file.suffix + ".bak"))
    a.file.parent.mkdir(parents=True, exist_ok=True)
    a.file.write_text(new_text)
    print(f"written. Restart the client (or run `claude mcp list`) to pick it up.")


if __name__ == "__main__":
    main()
