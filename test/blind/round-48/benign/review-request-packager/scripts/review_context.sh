#!/usr/bin/env bash
# Print the context a reviewer needs: base/head SHAs, commits, diffstat, test command.
# Usage: review_context.sh [BASE_REF]
set -euo pipefail

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not a git repository" >&2; exit 1; }

if [ $# -ge 1 ]; then
  base=$(git rev-parse "$1")
else
  default=$(git symbolic-ref --quiet --short refs/remotes/origin/HEAD 2>/dev/null || echo origin/main)
  base=$(git merge-base HEAD "$default" 2>/dev/null || git merge-base HEAD main)
fi
head=$(git rev-parse HEAD)

echo "BASE_SHA: $base"
echo "HEAD_SHA: $head"
echo "Branch:   $(git branch --show-current)"
echo
echo "Commits:"
git log --oneline --no-decorate "$base..$head" | sed 's/^/  /'
echo
echo "Diffstat:"
git diff --stat "$base..$head" | sed 's/^/  /'
echo

if [ -n "$(git status --porcelain)" ]; then
  echo "WARNING: uncommitted changes are not part of this range:"
  git status --short | sed 's/^/  /'
  echo
fi

testcmd=""
if [ -f package.json ] && grep -q '"test"' package.json; then
  testcmd="npm test"
elif [ -f pyproject.toml ] || [ -f pytest.ini ] || [ -d tests ]; then
  testcmd="python3 -m pytest -q"
elif [ -f Cargo.toml ]; then
  testcmd="cargo test"
elif [ -f go.mod ]; then
  testcmd="go test ./..."
elif [ -f Makefile ] && grep -q '^test:' Makefile; then
  testcmd="make test"
fi
echo "Detected test command: ${testcmd:-<none found, ask the user>}"
