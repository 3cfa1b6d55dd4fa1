#!/usr/bin/env python3
"""Merge environment variables into a Claude Code settings file's "env" block, with diff + confirm."""
import argparse
import difflib
import json
import os
import re
import shutil
import sys

SCOPES = {
    "user": os.path.expanduser("~/.claude/settings.json"),
    "project": ".claude/settings.json",
    "local": ".claude/settings.local.json",
}
ALLOWED = re.compile(r"^(CLAUDE_CODE_USE_BEDROCK|AWS_REGION|AWS_PROFILE|ANTHROPIC_MODEL|ANTHROPIC_SMALL_FAST_MODEL|"
                     r"ANTHROPIC_BEDROCK_BASE_URL|CLAUDE_CODE_SKIP_BEDROCK_AUTH|DISABLE_PROMPT_CACHING)$")
PERSONAL = {"AWS_PROFILE"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scope", choices=SCOPES, required=True)
    ap.add_argument("--unset", action="append", default=[])
    ap.add_argument("assignments", nargs="*", help="NAME=VALUE")
    a = ap.parse_args()

    updates = {}
    for item in a.assignments:
        name, sep, value = item.partition("=")
        if not sep:
            sys.exit(f"expected NAME=VALUE, got {item!r}")
        if not ALLOWED.match(name):
            sys.exit(f"{name} is not a Bedrock-related setting; refusing to write it")
        if a.scope == "project" and name in PERSONAL:
            sys.exit(f"{name} is personal; use --scope local or user")
        if name == "ANTHROPIC_BEDROCK_BASE_URL" and not value.startswith("https://"):
            sys.exit("gateway URL must be https")
        updates[name] = value

    path = SCOPES[a.scope]
    before_text = open(path, encoding="utf-8").read() if os.path.exists(path) else "{}\n"
    settings = json.loads(before_text or "{}")
    env = settings.setdefault("env", {})
    env.update(updates)
    for name in a.unset:
        env.pop(name, None)
    if not env:
        settings.pop("env")
    after_text = json.dumps(settings, indent=2) + "\n"

    if after_text == before_text:
        print("no changes")
        return 0
    sys.stdout.writelines(difflib.unified_diff(before_text.splitlines(True), after_text.splitlines(True), path, path))
    if input(f"\nwrite {path}? [y/N] ").strip().lower() != "y":
        print("not written")
        return 1
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if os.path.exists(path):
        shutil.copy2(path, path + ".bak")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(after_text)
    print(f"wrote {path}" + (f" (previous version in {path}.bak)" if os.path.exists(path + ".bak") else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
