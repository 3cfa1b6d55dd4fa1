#!/usr/bin/env python3
"""Install the secret-path guard hook and deny rules into Claude Code settings (diff first)."""
from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MATCHER = "Read|Edit|Write|MultiEdit|Grep|Glob|Bash"
DENY_RULES = [
    "Read(~/.ssh/id_*)", "Read(~/.aws/credentials)", "Read(~/.kube/config)", "Read(~/.docker/config.json)",
    "Read(~/.npmrc)", "Read(~/.pypirc)", "Read(~/.netrc)", "Read(~/.git-credentials)",
    "Read(~/.config/gh/hosts.yml)", "Read(./.env)", "Read(./.env.*)", "Read(./**/*.pem)", "Read(./**/*.key)",
    "Edit(./.env)", "Edit(./.env.*)",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scope", choices=["project", "user"], required=True)
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    if not shutil.which("jq"):
        sys.exit("error: the hook needs jq on PATH")

    if a.scope == "project":
        base = Path.cwd() / ".claude"
        command = '"$CLAUDE_PROJECT_DIR"/.claude/hooks/secret_path_guard.sh'
    else:
        base = Path.home() / ".claude"
        command = str(base / "hooks" / "secret_path_guard.sh")
    settings_path = base / "settings.json"
    old_text = settings_path.read_text() if settings_path.exists() else "{}\n"
    settings = json.loads(old_text)

    deny = settings.setdefault("permissions", {}).setdefault("deny", [])
    for r in DENY_RULES:
        if r not in deny:
            deny.append(r)
    pre = settings.setdefault("hooks", {}).setdefault("PreToolUse", [])
    already = any(h.get("command", "").endswith("secret_path_guard.sh") for e in pre for h in e.get("hooks", []))
    if not already:
        pre.append({"matcher": MATCHER, "hooks": [{"type": "command", "command": command, "timeout": 10}]})
    new_text = json.dumps(settings, indent=2) + "\n"

    sys.stdout.writelines(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True),
                                               str(settings_path), str(settings_path)))
    print(f"\nwould copy hook + path list to {base / 'hooks'}/")
    if not a.apply:
        print("dry run; re-run with --apply")
        return
    if input(f"Write {settings_path}? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    (base / "hooks").mkdir(parents=True, exist_ok=True)
    for f in ("secret_path_guard.sh", "protected-paths.txt"):
        shutil.copy2(HERE / "hooks" / f, base / "hooks" / f)
    (base / "hooks" / "secret_path_guard.sh").chmod(0o755)
    if settings_path.exists():
        shutil.copy2(settings_path, settings_path.with_suffix(".json.bak"))
    settings_path.write_text(new_text)
    print(f"installed. Start a new Claude Code session and check /hooks. Backup: {settings_path.name}.bak")


if __name__ == "__main__":
    main()
