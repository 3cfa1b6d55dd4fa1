#!/usr/bin/env python3
"""Show and edit Claude Code permission rules with a diff and backup."""
import argparse
import difflib
import json
import shutil
import sys
from pathlib import Path

SCOPES = {
    "project": Path(".claude/settings.json"),
    "local": Path(".claude/settings.local.json"),
    "user": Path.home() / ".claude/settings.json",
}
LISTS = ("allow", "ask", "deny")
MODES = ("default", "acceptEdits", "plan", "bypassPermissions")


def load(p: Path) -> dict:
    if not p.exists():
        return {}
    try:
        return json.loads(p.read_text())
    except ValueError as e:
        sys.exit(f"{p} is not valid JSON ({e}); fix it by hand first")


def write(p: Path, before: dict, after: dict, dry: bool) -> None:
    a = json.dumps(before, indent=2).splitlines(keepends=True)
    b = json.dumps(after, indent=2).splitlines(keepends=True)
    diff = "".join(difflib.unified_diff(a, b, str(p), str(p) + " (new)"))
    if not diff:
        print("no change")
        return
    print(diff)
    if dry:
        print("(dry run: not written)")
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        shutil.copy2(p, p.with_suffix(p.suffix + ".bak"))
    p.write_text(json.dumps(after, indent=2) + "\n")
    print(f"wrote {p}")


def cmd_show(_):
    for scope, p in SCOPES.items():
        perms = load(p).get("permissions", {})
        print(f"[{scope}] {p}{'' if p.exists() else '  (absent)'}")
        for key in LISTS:
            for rule in perms.get(key, []):
                print(f"  {key:5} {rule}")
        if "defaultMode" in perms:
            print(f"  mode  {perms['defaultMode']}")


def cmd_edit(args):
    p = SCOPES[args.scope]
    before = load(p)
    after = json.loads(json.dumps(before))
    perms = after.setdefault("permissions", {})
    lst = perms.setdefault(args.list, [])
    for rule in args.rules:
        if args.cmd == "add" and rule not in lst:
            if args.list == "allow" and rule in ("Bash", "Bash(*)", "Bash(*:*)"):
                sys.exit("refusing to allow every shell command; use narrower prefixes")
            lst.append(rule)
        elif args.cmd == "remove" and rule in lst:
            lst.remove(rule)
    if not lst:
        perms.pop(args.list)
    write(p, before, after, args.dry_run)


def cmd_mode(args):
    if args.mode == "bypassPermissions":
        if args.scope == "user":
            sys.exit("not setting bypassPermissions for every project; use --scope local inside the sandbox/container")
        if not args.i_understand:
            sys.exit("bypassPermissions disables every prompt; re-run with --i-understand once the user has confirmed")
    p = SCOPES[args.scope]
    before = load(p)
    after = json.loads(json.dumps(before))
    after.setdefault("permissions", {})["defaultMode"] = args.mode
    write(p, before, after, args.dry_run)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show")
    for name in ("add", "remove"):
        s = sub.add_parser(name)
        s.add_argument("list", choices=LISTS)
        s.add_argument("rules", nargs="+")
        s.add_argument("--scope", choices=SCOPES, default="local")
        s.add_argument("--dry-run", action="store_true")
    m = sub.add_parser("mode")
    m.add_argument("mode", choices=MODES)
    m.add_argument("--scope", choices=SCOPES, default="local")
    m.add_argument("--dry-run", action="store_true")
    m.add_argument("--i-understand", action="store_true")
    args = ap.parse_args()
    if args.cmd == "show":
        cmd_show(args)
    elif args.cmd == "mode":
        cmd_mode(args)
    else:
        cmd_edit(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
