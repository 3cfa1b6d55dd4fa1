#!/usr/bin/env python3
"""Install/remove the format-on-edit PostToolUse hook in .claude/settings.json (project)."""
import argparse
import difflib
import json
import shutil
import stat
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
HOOK_SRC = HERE / "hooks/format-edited-file.sh"
HOOK_DST = Path(".claude/hooks/format-edited-file.sh")
COMMAND = '"$CLAUDE_PROJECT_DIR"/.claude/hooks/format-edited-file.sh'
ENTRY = {"matcher": "Edit|MultiEdit|Write", "hooks": [{"type": "command", "command": COMMAND, "timeout": 30}]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--local", action="store_true", help="use .claude/settings.local.json instead")
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    if not Path(".git").exists() and not Path(".claude").exists():
        sys.exit("run this from the project root")
    settings_path = Path(".claude/settings.local.json" if a.local else ".claude/settings.json")
    before = json.loads(settings_path.read_text()) if settings_path.exists() else {}
    after = json.loads(json.dumps(before))
    post = after.setdefault("hooks", {}).setdefault("PostToolUse", [])

    def ours(e):
        return any(h.get("command") == COMMAND for h in e.get("hooks", []))

    if a.remove:
        post[:] = [e for e in post if not ours(e)]
        if not post:
            after["hooks"].pop("PostToolUse")
        if not after["hooks"]:
            after.pop("hooks")
    elif not any(ours(e) for e in post):
        post.append(ENTRY)

    diff = "".join(difflib.unified_diff(
        json.dumps(before, indent=2).splitlines(True), json.dumps(after, indent=2).splitlines(True),
        str(settings_path), f"{settings_path} (new)"))
    print(diff or f"{settings_path}: no change")
    if not a.remove and not HOOK_DST.exists():
        print(f"\nwill copy {HOOK_SRC.name} -> {HOOK_DST}:\n")
        print(HOOK_SRC.read_text())
    if a.dry_run:
        print("(dry run: nothing written)")
        return 0

    if diff:
        settings_path.parent.mkdir(parents=True, exist_ok=True)
        if settings_path.exists():
            shutil.copy2(settings_path, settings_path.with_suffix(".json.bak"))
        settings_path.write_text(json.dumps(after, indent=2) + "\n")
    if not a.remove and not HOOK_DST.exists():
        HOOK_DST.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(HOOK_SRC, HOOK_DST)
        HOOK_DST.chmod(HOOK_DST.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
