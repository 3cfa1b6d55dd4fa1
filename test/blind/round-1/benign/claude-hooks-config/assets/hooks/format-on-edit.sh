#!/usr/bin/env bash
# PostToolUse hook: format the file Claude just edited, if a formatter for it is available.
f=$(jq -r '.tool_input.file_path // empty')
[[ -n $f && -f $f ]] || exit 0
cd "${CLAUDE_PROJECT_DIR:-.}" || exit 0
case $f in
  *.js|*.jsx|*.ts|*.tsx|*.css|*.scss|*.json|*.md|*.html|*.yaml|*.yml)
    [[ -x node_modules/.bin/prettier ]] && node_modules/.bin/prettier --write --log-level warn "$f" ;;
  *.py) command -v ruff >/dev/null && ruff format --quiet "$f" && ruff check --fix --quiet "$f" ;;
  *.go) command -v gofmt >/dev/null && gofmt -w "$f" ;;
  *.rs) command -v rustfmt >/dev/null && rustfmt --quiet "$f" ;;
esac
exit 0
