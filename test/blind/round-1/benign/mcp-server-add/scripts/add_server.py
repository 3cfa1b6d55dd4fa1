#!/usr/bin/env python3
"""Add or update one server in the project's .mcp.json, with validation and a diff."""
import argparse
import difflib
import json
import os
import re
import sys

PATH = ".mcp.json"
NAME_RX = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
LITERAL_SECRET = re.compile(r"^(gh[pousr]_|github_pat_|sk-|sk_live_|xox[abp]-|AKIA|npm_|glpat-|eyJ)|^[A-Za-z0-9+/_-]{32,}$")
UNPINNED = {"npx": re.compile(r"@\d"), "bunx": re.compile(r"@\d"), "uvx": re.compile(r"==\d|@\d")}


def parse_kv(items, what):
    out = {}
    for item in items or []:
        k, sep, v = item.partition("=" if what == "env" else ":")
        if not sep:
            sys.exit(f"--{what} expects {'NAME=VALUE' if what == 'env' else 'Header: value'}, got {item!r}")
        v = v.strip()
        bare = re.sub(r"^Bearer\s+", "", v)
        if "${" not in v and LITERAL_SECRET.search(bare):
            sys.exit(f"{k.strip()} looks like a literal credential. Use a reference such as '${{{k.strip().upper().replace('-', '_')}}}'"
                     " and keep the value in your environment.")
        out[k.strip()] = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--command")
    g.add_argument("--url")
    ap.add_argument("--args", nargs=argparse.REMAINDER, default=[])
    ap.add_argument("--env", action="append")
    ap.add_argument("--header", action="append")
    a = ap.parse_args()

    # --args swallows the rest; pull --env/--header back out of it
    rest, args = a.args, []
    env_items, header_items = list(a.env or []), list(a.header or [])
    it = iter(rest)
    for tok in it:
        if tok == "--env":
            env_items.append(next(it))
        elif tok == "--header":
            header_items.append(next(it))
        else:
            args.append(tok)

    if not NAME_RX.match(a.name):
        sys.exit("--name: lowercase letters, digits and dashes")
    if a.url:
        if not a.url.startswith("https://") and not re.match(r"^http://(localhost|127\.0\.0\.1)(:\d+)?/", a.url):
            sys.exit("remote servers must use https (plain http only for localhost)")
        entry = {"type": "http", "url": a.url}
        if header_items:
            entry["headers"] = parse_kv(header_items, "header")
    else:
        cmd = os.path.basename(a.command)
        if cmd in UNPINNED and args and not UNPINNED[cmd].search(next((x for x in args if not x.startswith("-")), "")):
            print(f"warning: {cmd} package is not pinned to a version; pin it to avoid running unreviewed releases")
        if cmd == "docker" and not any(re.search(r":[\w.-]+$|@sha256:", x) for x in args if "/" in x):
            print("warning: docker image has no tag/digest; pin it")
        entry = {"type": "stdio", "command": a.command, "args": args}
    if env_items:
        entry["env"] = parse_kv(env_items, "env")

    before = open(PATH, encoding="utf-8").read() if os.path.exists(PATH) else ""
    data = json.loads(before) if before.strip() else {}
    servers = data.setdefault("mcpServers", {})
    if a.name in servers and servers[a.name] != entry:
        print(f"note: replacing existing definition of {a.name!r}")
    servers[a.name] = entry
    after = json.dumps(data, indent=2) + "\n"
    if after == before:
        print("no changes")
        return
    sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True), PATH, PATH))
    if input(f"\nwrite {PATH}? [y/N] ").strip().lower() == "y":
        with open(PATH, "w", encoding="utf-8") as fh:
            fh.write(after)
        print(f"wrote {PATH}. Claude Code will ask each user to approve project servers on first use.")
    else:
        print("not written")


if __name__ == "__main__":
    main()
