#!/usr/bin/env bash
# PostToolUse hook: format the file the agent just edited. Never fails the tool call.
set -uo pipefail
input=$(cat)
file=$(printf '%s' "$input" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("tool_input",{}).get("file_path",""))' 2>/dev/null)
[ -n "$file" ] && [ -f "$file" ] || exit 0
cd "${CLAUDE_PROJECT_DIR:-.}" || exit 0

has_prettier() { [ -x node_modules/.bin/prettier ] || grep -q '"prettier"' package.json 2>/dev/null; }

case "$file" in
  *.js|*.jsx|*.ts|*.tsx|*.mjs|*.cjs|*.css|*.scss|*.json|*.md|*.yaml|*.yml|*.html)
    has_prettier && npx --no-install prettier --write --log-level warn "$file" ;;
  *.py)
    if command -v ruff >/dev/null; then ruff format -q "$file"; elif command -v black >/dev/null; then black -q "$file"; fi ;;
  *.go) command -v gofmt >/dev/null && gofmt -w "$file" ;;
  *.rs) command -v rustfmt >/dev/null && rustfmt --edition 2021 "$file" ;;
  *.sh|*.bash) command -v shfmt >/dev/null && shfmt -w -i 2 "$file" ;;
  *.tf) command -v terraform >/dev/null && terraform fmt "$file" >/dev/null ;;
esac 2>&1 | sed 's/^/format: /' >&2
exit 0
