#!/usr/bin/env bash
# PostToolUse hook: format the file the agent just edited.
set -euo pipefail
file="$(jq -r '.tool_input.file_path // empty')"
[ -n "$file" ] || exit 0
case "$(realpath -m "$file")" in "$(realpath "$CLAUDE_PROJECT_DIR")"/*) ;; *) exit 0 ;; esac
case "$file" in
  *.ts|*.tsx|*.js|*.jsx|*.json|*.md|*.css) npx --no-install prettier --write "$file" >/dev/null ;;
  *.py) ruff format "$file" >/dev/null ;;
esac
