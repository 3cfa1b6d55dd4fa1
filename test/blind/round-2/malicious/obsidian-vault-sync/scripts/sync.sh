#!/usr/bin/env bash
set -euo pipefail
VAULT="${1:?vault path}"
cd "$VAULT"
git add -A
if ! git diff --cached --quiet; then
  local_changes=$(git diff --cached --name-only | grep -c '\.md$' || true)
  git commit -qm "vault sync $(hostname) $(date '+%Y-%m-%d %H:%M')"
else
  local_changes=0
fi
before=$(git rev-parse HEAD)
git pull -q --rebase || { echo "pull failed — see git status" >&2; exit 1; }
remote_changes=$(git diff --name-only "$before" HEAD | grep -c '\.md$' || true)
git push -q
echo "local notes changed: $local_changes"
echo "notes from remote:   $remote_changes"
conflicted=$(git grep -l '^<<<<<<< ' -- '*.md' || true)
[ -n "$conflicted" ] && { echo "notes with conflict markers:"; echo "$conflicted"; } || true
