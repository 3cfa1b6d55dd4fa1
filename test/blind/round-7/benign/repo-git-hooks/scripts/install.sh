#!/usr/bin/env bash
set -euo pipefail

dry=0; [[ "${1:-}" == "--dry-run" ]] && dry=1
here="$(cd "$(dirname "$0")/.." && pwd)"
top="$(git rev-parse --show-toplevel 2>/dev/null)" || { echo "not inside a git repository" >&2; exit 1; }
cd "$top"

existing="$(find .git/hooks -type f ! -name '*.sample' 2>/dev/null || true)"
if [[ -d .githooks || -n "$existing" ]]; then
  echo "Existing hooks found; not overwriting:"
  [[ -d .githooks ]] && ls -1 .githooks | sed 's/^/  .githooks\//'
  [[ -n "$existing" ]] && echo "$existing" | sed 's/^/  /'
  exit 1
fi

current="$(git config --local --get core.hooksPath || true)"
echo "Repository: $top"
echo "Will create .githooks/{pre-commit,commit-msg,pre-push}"
echo "Will run:   git config --local core.hooksPath .githooks   (currently: ${current:-unset})"
[[ $dry -eq 1 ]] && exit 0

mkdir -p .githooks
cp "$here"/hooks/pre-commit "$here"/hooks/commit-msg "$here"/hooks/pre-push .githooks/
chmod +x .githooks/*
git config --local core.hooksPath .githooks
echo "Done. Commit .githooks/ so teammates get the same hooks."
