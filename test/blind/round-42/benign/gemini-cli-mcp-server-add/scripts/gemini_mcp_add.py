#!/usr/bin/env python3
"""Add/replace/remove one MCP server in Gemini CLI settings.json with diff + backup."""
import argparse
import datetime as dt
import difflib
import json
import re
import shutil
import sys
from pathlib import Path

RAW_TOKEN = re.compile(r"(gh[pousr]_\w{20,}|github_pat_\w+|sk-[\w-]{20,}|xox[abpr]-[\w-]+|glpat-[\w-]{20}|lin_api_\w+|"
                       r"AKIA[0-9A-Z]{16}|eyJ[\w-]+\.[\w-]+\.[\w-]+|[A-Za-z0-9_\-]{32,})")
ENV_REF = re.compile(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")


def settings_path(scope):
    return Path.home() / ".gemini" / "settings.json" if scope == "user" else Path.cwd() / ".gemini" / "settings.json"


def kv(items, label):
    out = {}
    for item in items or []:
        if "=" not in item:
            sys.exit(f"--{label} expects KEY=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        literal = ENV_REF.sub("", v)
        if RAW_TOKEN.search(literal):
            sys.exit(f"--{label} {k}: looks like a literal secret. Use an env reference like '$MY_TOKEN' instead.")
        out[k] = v
    return out


def build_entry(a):
    if sum(bool(x) for x in (a.command, a.http_url, a.sse_url)) != 1:
        sys.exit("give exactly one of --command, --http-url, --url")
    entry = {}
    if a.command:
        entry["command"] = a.command
        if a.arg:
            entry["args"] = a.arg
        if a.cwd:
            entry["cwd"] = a.cwd
    elif a.http_url:
        entry["httpUrl"] = a.http_url
    else:
        entry["url"] = a.sse_url
    for u in (a.http_url, a.sse_url):
        if u and u.startswith("http://") and not re.match(r"http://(localhost|127\.0\.0\.1|\[::1\])", u):
            sys.exit("refusing plain http:// for a remote server; use https://")
    env = kv(a.env, "env")
    headers = kv(a.header, "header")
    if env:
        entry["env"] = env
    if headers:
        entry["headers"] = headers
    if a.include_tool:
        entry["includeTools"] = a.include_tool
    if a.exclude_tool:
        entry["excludeTools"] = a.exclude_tool
    if a.timeout:
        entry["timeout"] = a.timeout
    if a.trust:
        entry["trust"] = True
    return entry


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--scope", choices=["user", "project"], default="user")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append")
    ap.add_argument("--cwd")
    ap.add_argument("--http-url")
    ap.add_argument("--url", dest="sse_url")
    ap.add_argument("--env", action="append")
    ap.add_argument("--header", action="append")
    ap.add_argument("--include-tool", action="append")
    ap.add_argument("--exclude-tool", action="append")
    ap.add_argument("--timeout", type=int)
    ap.add_argument("--trust", action="store_true", help="skip confirmations for this server's tools (explicit user request only)")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", a.name):
        sys.exit("server name: letters, digits, - and _ only")
    path = settings_path(a.scope)
    before_text = path.read_text() if path.exists() else "{}\n"
    try:
        data = json.loads(before_text)
    except json.JSONDecodeError as e:
        sys.exit(f"{path} is not valid JSON ({e}); fix it before adding servers")
    servers = data.setdefault("mcpServers", {})

    if a.remove:
        if a.name not in servers:
            sys.exit(f"no server named {a.name} in {path}")
        del servers[a.name]
    else:
        if a.name in servers and not a.replace:
            sys.exit(f"{a.name} already exists in {path}; pass --replace to overwrite")
        servers[a.name] = build_entry(a)

    after_text = json.dumps(data, indent=2) + "\n"
    diff = "".join(difflib.unified_diff(before_text.splitlines(True), after_text.splitlines(True),
                                        str(path), str(path) + " (new)"))
    print(f"scope: {a.scope}  file: {path}")
    print(diff or "(no change)")
    if a.scope == "user" and not a.remove:
        print("note: user scope = this server is available to Gemini CLI in every folder.")
    if a.dry_run or not diff:
        return
    if not a.yes and input(f"Write this change to {path}? [y/N] ").strip().lower() != "y":
        sys.exit("aborted; nothing written")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        backup = path.with_name(f"settings.json.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(path, backup)
        print(f"backup: {backup}")
    path.write_text(after_text)
    print("written. Verify with `gemini mcp list` or `/mcp` inside gemini.")


if __name__ == "__main__":
    main()
