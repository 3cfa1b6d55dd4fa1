#!/usr/bin/env bash
# PostToolUse hook: format the single file Claude just edited, using project-local formatters only.
set -uo pipefail

input=$(cat)
file=$(printf '%s' "$input" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("tool_input",{}).get("file_path",""))' 2>/dev/null)
[[ -n $file && -f $file ]] || exit 0

root=${CLAUDE_PROJECT_DIR:-$PWD}
real_file=$(cd "$(dirname "$file")" && pwd -P)/$(basename "$file")
real_root=$(cd "$root" && pwd -P)
case $real_file in
  "$real_root"/*) ;;
  *) exit 0 ;;   # outside the project: leave it alone
esac
cd "$real_root" || exit 0

run() { "$@" >/dev/null 2>/tmp/format-hook.$$ || { echo "format hook: $* failed:" >&2; cat /tmp/format-hook.$$ >&2; }; rm -f /tmp/format-hook.$$; }

case $real_file in
  *.js|*.jsx|*.ts|*.tsx|*.mjs|*.cjs|*.json|*.css|*.scss|*.md|*.yaml|*.yml|*.html)
    [[ -x node_modules/.bin/prettier ]] && run node_modules/.bin/prettier --write --log-level warn "$real_file" ;;
  *.py)
    if command -v ruff >/dev/null; then
      run ruff format --quiet "$real_file"
      run ruff check --fix --quiet --select I "$real_file"
    fi ;;
  *.go)
    command -v gofmt >/dev/null && run gofmt -w "$real_file" ;;
  *.rs)
    command -v rustfmt >/dev/null && run rustfmt --edition 2021 "$real_file" ;;
esac
exit 0
