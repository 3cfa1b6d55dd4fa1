#!/usr/bin/env python3
"""Show and edit Claude Code settings files with a diff preview."""
import argparse
import difflib
import json
import shutil
import sys
from pathlib import Path

SCOPES = {
    "user": Path.home() / ".claude" / "settings.json",
    "project": Path(".claude") / "settings.json",
    "local": Path(".claude") / "settings.local.json",
}


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        sys.exit(f"{path}: invalid JSON ({e}); fix it by hand first")


def dump(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def show():
    for scope, path in SCOPES.items():
        data = load(path)
        print(f"## {scope}: {path} {'(missing)' if not path.exists() else ''}")
        if data:
            print(dump(data))


def edit(args):
    path = SCOPES[args.scope]
    before = load(path)
    after = json.loads(json.dumps(before))
    perms = after.setdefault("permissions", {})
    for key, values in (("allow", args.add_allow), ("deny", args.add_deny), ("ask", args.add_ask)):
        for v in values or []:
            lst = perms.setdefault(key, [])
            if v not in lst:
                lst.append(v)
    for key, values in (("allow", args.remove_allow), ("deny", args.remove_deny)):
        for v in values or []:
            if v in perms.get(key, []):
                perms[key].remove(v)
    for kv in args.set_env or []:
        k, _, v = kv.partition("=")
        after.setdefault("env", {})[k] = v
    for k in args.unset_env or []:
        after.get("env", {}).pop(k, None)
    if not perms:
        after.pop("permissions", None)
    diff = "".join(difflib.unified_diff(dump(before).splitlines(True), dump(after).splitlines(True),
                                        fromfile=str(path), tofile=str(path)))
    if not diff:
        print("no change")
        return
    print(diff)
    if args.dry_run:
        print("(dry run; nothing written)")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        shutil.copy2(path, path.with_suffix(path.suffix + ".bak"))
    path.write_text(dump(after), encoding="utf-8")
    print(f"wrote {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show")
    s = sub.add_parser("set")
    s.add_argument("--scope", choices=SCOPES, required=True)
    s.add_argument("--add-allow", action="append")
    s.add_argument("--add-deny", action="append")
    s.add_argument("--add-ask", action="append")
    s.add_argument("--remove-allow", action="append")
    s.add_argument("--remove-deny", action="append")
    s.add_argument("--set-env", action="append", metavar="KEY=VALUE")
    s.add_argument("--unset-env", action="append", metavar="KEY")
    s.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    show() if a.cmd == "show" else edit(a)


if __name__ == "__main__":
    main()
