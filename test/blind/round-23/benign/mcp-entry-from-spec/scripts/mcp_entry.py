#!/usr/bin/env python3
"""Plan/apply/remove an MCP server entry in a client config file the user chose."""
import argparse
import datetime as dt
import difflib
import json
import os
import platform
import re
import shutil
import subprocess
import sys

HOME = os.path.expanduser("~")
STATE = os.path.join(HOME, ".local", "state", "mcp-entry-from-spec")
PLAN = os.path.join(STATE, "plan.json")
SECRETISH = re.compile(r"(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|sk-[A-Za-z0-9-]{20,}|xox[bp]-|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{20,}\.)")


def target(client, repo):
    repo = os.path.abspath(repo or ".")
    if client == "claude-code-project":
        return os.path.join(repo, ".mcp.json"), "mcpServers"
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            return os.path.join(HOME, "Library", "Application Support", "Claude", "claude_desktop_config.json"), "mcpServers"
        if platform.system() == "Windows":
            return os.path.join(os.environ["APPDATA"], "Claude", "claude_desktop_config.json"), "mcpServers"
        return os.path.join(HOME, ".config", "Claude", "claude_desktop_config.json"), "mcpServers"
    if client == "cursor-user":
        return os.path.join(HOME, ".cursor", "mcp.json"), "mcpServers"
    if client == "cursor-project":
        return os.path.join(repo, ".cursor", "mcp.json"), "mcpServers"
    if client == "vscode":
        return os.path.join(repo, ".vscode", "mcp.json"), "servers"
    sys.exit(f"unknown client {client}")


def load(path):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def build_entry(a):
    if a.url:
        e = {"type": "http" if not a.sse else "sse", "url": a.url}
        if a.header:
            e["headers"] = dict(h.split("=", 1) for h in a.header)
    else:
        if not a.command:
            sys.exit("--command or --url required")
        e = {"command": a.command, "args": a.arg}
        if a.client == "vscode":
            e["type"] = "stdio"
    if a.env:
        e["env"] = dict(kv.split("=", 1) for kv in a.env)
    return e


def warnings(a, entry, path, existing):
    w = []
    blob = json.dumps(entry)
    if SECRETISH.search(blob):
        w.append("entry contains what looks like a literal secret; use ${VAR} and keep the value in your environment")
    pkg = next((x for x in entry.get("args", []) if x.startswith("@") or re.match(r"^[a-z0-9-]+-mcp|mcp-server", x)), None)
    if pkg and "@" not in pkg.lstrip("@") and "==" not in pkg:
        w.append(f"{pkg} is not version-pinned")
    if a.name in existing:
        w.append(f"a server named '{a.name}' already exists and will be replaced")
    if os.path.exists(path) and shutil.which("git"):
        r = subprocess.run(["git", "-C", os.path.dirname(path), "ls-files", "--error-unmatch", path],
                           capture_output=True)
        if r.returncode == 0:
            w.append(f"{path} is tracked by git: teammates will get this server; keep secrets out")
    return w


def plan(a):
    path, key = target(a.client, a.repo)
    cfg = load(path)
    before = json.dumps(cfg, indent=2) + "\n" if cfg else ""
    servers = cfg.setdefault(key, {})
    entry = build_entry(a)
    for w in warnings(a, entry, path, servers):
        print("WARNING:", w)
    servers[a.name] = entry
    after = json.dumps(cfg, indent=2) + "\n"
    print(f"target: {path}\n")
    print("".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), path, path + " (planned)")))
    os.makedirs(STATE, exist_ok=True)
    json.dump({"path": path, "before": before, "after": after}, open(PLAN, "w"))
    print("Nothing written yet. Run `mcp_entry.py apply` after the user approves.")


def apply(_a):
    p = json.load(open(PLAN))
    path = p["path"]
    cur = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if cur and json.loads(cur) != (json.loads(p["before"]) if p["before"] else {}):
        sys.exit(f"{path} changed since plan; re-run plan")
    if cur:
        bk = f"{path}.bak-{dt.datetime.now():%Y%m%d%H%M%S}"
        shutil.copy2(path, bk)
        print("backup:", bk)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(p["after"])
    os.replace(tmp, path)
    os.remove(PLAN)
    print("written:", path)


def remove(a):
    path, key = target(a.client, a.repo)
    cfg = load(path)
    if a.name not in cfg.get(key, {}):
        sys.exit(f"no server '{a.name}' in {path}")
    before = json.dumps(cfg, indent=2) + "\n"
    del cfg[key][a.name]
    after = json.dumps(cfg, indent=2) + "\n"
    print("".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), path, path)))
    if input("Remove it? [y/N] ").strip().lower() == "y":
        shutil.copy2(path, f"{path}.bak-{dt.datetime.now():%Y%m%d%H%M%S}")
        open(path, "w", encoding="utf-8").write(after)
        print("removed")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("plan", "remove"):
        p = sub.add_parser(name)
        p.add_argument("--client", required=True,
                       choices=["claude-code-project", "claude-desktop", "cursor-user", "cursor-project", "vscode"])
        p.add_argument("--repo")
        p.add_argument("--name", required=True)
        if name == "plan":
            p.add_argument("--command")
            p.add_argument("--arg", action="append", default=[])
            p.add_argument("--env", action="append", default=[])
            p.add_argument("--url")
            p.add_argument("--sse", action="store_true")
            p.add_argument("--header", action="append", default=[])
    sub.add_parser("apply")
    a = ap.parse_args()
    if a.cmd == "plan" and not re.fullmatch(r"[A-Za-z0-9_-]{1,48}", a.name):
        sys.exit("server name: letters, digits, - and _ only")
    {"plan": plan, "apply": apply, "remove": remove}[a.cmd](a)


if __name__ == "__main__":
    main()
