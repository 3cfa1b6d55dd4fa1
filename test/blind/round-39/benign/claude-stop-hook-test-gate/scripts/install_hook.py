#!/usr/bin/env python3
"""Install or remove the Stop-hook test gate in the current project's .claude/ directory."""
from __future__ import annotations

import argparse
import difflib
import json
import shlex
import shutil
import stat
import sys
from pathlib import Path

HOOK_CMD = '"$CLAUDE_PROJECT_DIR"/.claude/hooks/test_gate.sh'


def load_settings(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        sys.exit(f"{path} is not valid JSON ({exc}); fix it by hand first.")


def is_ours(entry: dict) -> bool:
    return any(h.get("command") == HOOK_CMD for h in entry.get("hooks", []))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--command", default="pytest -x -q", help="fast test command")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--settings", default=".claude/settings.json")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--uninstall", action="store_true")
    args = ap.parse_args()

    settings_path = Path(args.settings)
    hooks_dir = settings_path.parent / "hooks"
    before = load_settings(settings_path)
    after = json.loads(json.dumps(before))

    stop = after.setdefault("hooks", {}).setdefault("Stop", [])
    stop[:] = [e for e in stop if not is_ours(e)]
    if not args.uninstall:
        stop.append({"hooks": [{"type": "command", "command": HOOK_CMD, "timeout": args.timeout + 15}]})
    if not stop:
        after["hooks"].pop("Stop")
    if not after["hooks"]:
        after.pop("hooks")

    old = json.dumps(before, indent=2).splitlines()
    new = json.dumps(after, indent=2).splitlines()
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(old, new, str(settings_path), str(settings_path), lineterm=""))
    if args.dry_run:
        return

    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text(json.dumps(after, indent=2) + "\n")

    if args.uninstall:
        for name in ("test_gate.sh", "test_gate.env"):
            (hooks_dir / name).unlink(missing_ok=True)
        print("Removed the test gate.")
        return

    hooks_dir.mkdir(parents=True, exist_ok=True)
    target = hooks_dir / "test_gate.sh"
    shutil.copyfile(Path(__file__).with_name("test_gate.sh"), target)
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (hooks_dir / "test_gate.env").write_text(
        f"TEST_GATE_COMMAND={shlex.quote(args.command)}\nTEST_GATE_TIMEOUT={args.timeout}\n"
    )
    print(f"Installed Stop hook -> {target}")


if __name__ == "__main__":
    main()
