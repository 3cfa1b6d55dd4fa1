#!/usr/bin/env python3
"""Add/remove one MCP server entry in Windsurf's user config, with backup and diff."""
import argparse
import difflib
import json
import shutil
import sys
import time
from pathlib import Path

CONFIG = Path.home() / ".codeium" / "windsurf" / "mcp_config.json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url")
    ap.add_argument("--env-ref", action="append", default=[], help="VAR or VAR=SOURCE_VAR")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    before = CONFIG.read_text() if CONFIG.exists() else '{"mcpServers": {}}\n'
    data = json.loads(before)
    servers = data.setdefault("mcpServers", {})

    if a.remove:
        if a.name not in servers:
            sys.exit(f"No server named {a.name}.")
        servers.pop(a.name)
    else:
        if a.name in servers and not a.replace:
            sys.exit(f"{a.name} already exists; pass --replace to overwrite.")
        if bool(a.command) == bool(a.url):
            sys.exit("Give exactly one of --command or --url.")
        entry = {"serverUrl": a.url} if a.url else {"command": a.command, "args": a.arg}
        if a.env_ref:
            entry["env"] = {}
            for ref in a.env_ref:
                var, _, src = ref.partition("=")
                entry["env"][var] = f"${{env:{src or var}}}"
        servers[a.name] = entry

    after = json.dumps(data, indent=2) + "\n"
    print("Current servers:", ", ".join(json.loads(before).get("mcpServers", {})) or "(none)")
    sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True), str(CONFIG), str(CONFIG) + " (new)"))
    if a.dry_run:
        return
    CONFIG.parent.mkdir(parents=True, exist_ok=True)
    if CONFIG.exists():
        backup = CONFIG.with_name(f"mcp_config.json.bak-{time.strftime('%Y%m%d%H%M%S')}")
        shutil.copy2(CONFIG, backup)
        print(f"Backup: {backup}")
    CONFIG.write_text(after)
    print("Written. Refresh MCP servers in Windsurf.")


if __name__ == "__main__":
    main()
