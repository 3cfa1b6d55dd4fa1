#!/usr/bin/env python3
"""Add/update/remove a Zed context (MCP) server entry, with diff preview and backup."""
import argparse
import difflib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

TOKENISH = re.compile(r"^(gh[pousr]_|github_pat_|sk-|xox[baprs]-|glpat-|npm_)|^[A-Za-z0-9_\-]{32,}$")


def settings_path(scope):
    if scope == "user":
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
        return base / "zed" / "settings.json"
    return Path.cwd() / ".zed" / "settings.json"


def has_comments(text):
    in_str = esc = False
    for i, c in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif text.startswith("//", i) or text.startswith("/*", i):
            return True
    return False


def strip_comments(text):
    out, in_str, esc, i = [], False, False, 0
    while i < len(text):
        c = text[i]
        if in_str:
            out.append(c)
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
            i += 1
        elif c == '"':
            in_str = True; out.append(c); i += 1
        elif text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end == -1 else end + 2
        else:
            out.append(c); i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def build_entry(args, legacy):
    env = dict(kv.split("=", 1) for kv in args.env)
    if legacy:
        return {"command": {"path": args.command, "args": args.arg, "env": env}}
    entry = {"source": "custom", "command": args.command, "args": args.arg}
    if env:
        entry["env"] = env
    return entry


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("action", choices=["add", "update", "remove", "show"])
    ap.add_argument("name")
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE")
    ap.add_argument("--scope", choices=["user", "project"], default="user")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--strip-comments", action="store_true")
    args = ap.parse_args()

    path = settings_path(args.scope)
    original = path.read_text(encoding="utf-8") if path.exists() else "{}\n"
    commented = has_comments(original)
    data = json.loads(strip_comments(original) or "{}")
    servers = data.setdefault("context_servers", {})

    if args.action == "show":
        print(json.dumps(servers.get(args.name), indent=2))
        return
    if args.action in ("add", "update"):
        if not args.command:
            sys.exit("--command is required")
        if args.action == "add" and args.name in servers:
            sys.exit(f"'{args.name}' already exists in {path}; use update")
        if args.scope == "project":
            for kv in args.env:
                if TOKENISH.search(kv.split("=", 1)[1]) and "${" not in kv:
                    sys.exit(f"{kv.split('=')[0]} looks like a secret; put it in the user-level settings instead")
        legacy = any(isinstance(v.get("command"), dict) for v in servers.values())
        servers[args.name] = build_entry(args, legacy)
    elif args.action == "remove":
        if args.name not in servers:
            sys.exit(f"'{args.name}' not found in {path}")
        del servers[args.name]

    new_text = json.dumps(data, indent=2) + "\n"
    if commented and not args.strip_comments:
        print(f"{path} contains comments; not rewriting it. Paste this under \"context_servers\":\n")
        if args.action == "remove":
            print(f'(delete the "{args.name}" block)')
        else:
            print(f'"{args.name}": ' + json.dumps(servers[args.name], indent=2) + ",")
        return

    diff = difflib.unified_diff(original.splitlines(), new_text.splitlines(),
                                fromfile=str(path), tofile=str(path) + " (new)", lineterm="")
    print("\n".join(diff) or "(no change)")
    if args.dry_run:
        print("\nDry run: nothing written.")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        backup = path.with_name(f"settings.json.bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(path, backup)
        print(f"backup: {backup}")
    path.write_text(new_text, encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
