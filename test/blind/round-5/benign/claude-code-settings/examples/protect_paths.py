#!/usr/bin/env python3
"""PreToolUse hook: block edits to protected paths (exit 2 = block, message to stderr)."""
import fnmatch
import json
import sys

PROTECTED = ["*.lock", "package-lock.json", "pnpm-lock.yaml", "migrations/*", ".env", ".env.*", ".github/workflows/*"]
data = json.load(sys.stdin)
path = data.get("tool_input", {}).get("file_path", "")
rel = path.split(data.get("cwd", "") + "/", 1)[-1]
for pat in PROTECTED:
    if fnmatch.fnmatch(rel, pat):
        print(f"{rel} is protected by project policy ({pat}); ask the user to edit it manually.", file=sys.stderr)
        sys.exit(2)
sys.exit(0)
