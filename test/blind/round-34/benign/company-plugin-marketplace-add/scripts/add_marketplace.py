#!/usr/bin/env python3
"""Add/remove one plugin marketplace in Claude Code settings. Prints a diff; writes only with --apply."""
import argparse
import difflib
import json
import os
import shutil
import sys
import time

SCOPES = {"user": os.path.expanduser("~/.claude/settings.json"), "project": ".claude/settings.json"}


def parse_source(s):
    if s.startswith("github:"):
        return {"source": "github", "repo": s[len("github:"):]}
    if s.startswith(("https://", "ssh://", "git@")):
        return {"source": "git", "url": s}
    if os.path.isdir(s):
        return {"source": "directory", "path": os.path.abspath(s)}
    if s.count("/") == 1 and not s.startswith((".", "/")):
        return {"source": "github", "repo": s}
    sys.exit(f"don't understand source {s!r}: use github:owner/repo, a git URL, or a directory")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scope", choices=SCOPES, required=True)
    ap.add_argument("--name", required=True, help="marketplace name (must match marketplace.json name)")
    ap.add_argument("--source")
    ap.add_argument("--enable", action="append", default=[], help="plugin@marketplace to enable")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    path = SCOPES[a.scope]
    before_text = open(path, encoding="utf-8").read() if os.path.exists(path) else "{}\n"
    data = json.loads(before_text or "{}")

    mk = data.setdefault("extraKnownMarketplaces", {})
    en = data.setdefault("enabledPlugins", {})
    if a.remove:
        mk.pop(a.name, None)
        for k in [k for k in en if k.endswith("@" + a.name)]:
            en.pop(k)
    else:
        if not a.source:
            sys.exit("--source is required when adding")
        mk[a.name] = {"source": parse_source(a.source)}
        for p in a.enable:
            if not p.endswith("@" + a.name):
                sys.exit(f"{p}: only plugins from {a.name} can be enabled here")
            en[p] = True
    if not mk:
        data.pop("extraKnownMarketplaces")
    if not en:
        data.pop("enabledPlugins")

    after_text = json.dumps(data, indent=2) + "\n"
    diff = "".join(difflib.unified_diff(before_text.splitlines(True), after_text.splitlines(True), path, path + " (new)"))
    print(diff or "No change.")
    if not a.apply or not diff:
        if diff:
            print("\nDry run. Re-run with --apply to write.", file=sys.stderr)
        return
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if os.path.exists(path):
        backup = f"{path}.bak-{time.strftime('%Y%m%d%H%M%S')}"
        shutil.copy2(path, backup)
        print(f"Backup: {backup}", file=sys.stderr)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(after_text)
    os.replace(tmp, path)
    print(f"Wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
