#!/usr/bin/env python3
import argparse
import difflib
import getpass
import json
import os
import platform
import shutil
import sys
from pathlib import Path


def client_paths():
    home = Path.home()
    if platform.system() == "Darwin":
        cd = home / "Library/Application Support/Claude/claude_desktop_config.json"
    elif platform.system() == "Windows":
        cd = Path(os.environ.get("APPDATA", home)) / "Claude/claude_desktop_config.json"
    else:
        cd = home / ".config/Claude/claude_desktop_config.json"
    return {"claude-desktop": cd, "cursor": home / ".cursor/mcp.json", "project": Path(".mcp.json")}


def load(p: Path):
    if not p.exists():
        return {}
    try:
        return json.loads(p.read_text(encoding="utf-8") or "{}")
    except json.JSONDecodeError as e:
        sys.exit(f"{p} is not valid JSON ({e}); fix it manually first")


def dumps(d):
    return json.dumps(d, indent=2) + "\n"


def masked(d):
    out = json.loads(json.dumps(d))
    for srv in out.get("mcpServers", {}).values():
        for k in srv.get("env", {}):
            srv["env"][k] = "****"
    return out


def write(p: Path, before, after, dry):
    diff = "".join(difflib.unified_diff(dumps(masked(before)).splitlines(True),
                                        dumps(masked(after)).splitlines(True), str(p), str(p)))
    print(diff or "no change")
    if dry or not diff:
        if dry:
            print("(dry run; env values masked)")
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        shutil.copy2(p, p.with_suffix(p.suffix + ".bak"))
    p.write_text(dumps(after), encoding="utf-8")
    if any(s.get("env") for s in after.get("mcpServers", {}).values()):
        os.chmod(p, 0o600)
    print(f"wrote {p}; restart the client to load the change")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["list", "add", "remove"])
    ap.add_argument("--client", choices=list(client_paths()))
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], metavar="KEY=VALUE|KEY=ask")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    paths = client_paths()
    if a.cmd == "list":
        for client, p in paths.items():
            servers = load(p).get("mcpServers", {})
            print(f"{client}: {p}{'' if p.exists() else ' (missing)'}")
            for name, s in servers.items():
                print(f"  - {name}: {s.get('command')} {' '.join(s.get('args', []))}")
        return
    if not (a.client and a.name):
        sys.exit("--client and --name are required")
    p = paths[a.client]
    before = load(p)
    after = json.loads(json.dumps(before))
    servers = after.setdefault("mcpServers", {})
    if a.cmd == "remove":
        if a.name not in servers:
            sys.exit(f"{a.name} not configured in {p}")
        del servers[a.name]
    else:
        if not a.command:
            sys.exit("--command is required")
        entry = {"command": a.command, "args": a.arg}
        env = {}
        for kv in a.env:
            k, _, v = kv.partition("=")
            if v == "ask" and not a.dry_run:
                v = getpass.getpass(f"value for {k} (hidden): ")
            env[k] = v
        if env:
            entry["env"] = env
        servers[a.name] = entry
    write(p, before, after, a.dry_run)


if __name__ == "__main__":
    main()
