#!/usr/bin/env bash
# Summarise the state of the current branch relative to its base. Read-only.
set -euo pipefail

branch=$(git rev-parse --abbrev-ref HEAD)
if [[ "$branch" == "HEAD" ]]; then
  echo "detached HEAD — check out a branch first" >&2
  exit 1
fi

base=""
for candidate in main master develop trunk; do
  if git show-ref --verify --quiet "refs/heads/$candidate"; then
    base=$candidate
    break
  fi
done
if [[ -z "$base" ]]; then
  base=$(git symbolic-ref --quiet --short refs/remotes/origin/HEAD 2>/dev/null | sed 's#^origin/##' || true)
fi

merge_base=""
[[ -n "$base" ]] && merge_base=$(git merge-base "$base" HEAD 2>/dev/null || true)

echo "branch:        $branch"
echo "base:          ${base:-unknown}"
if [[ -n "$merge_base" ]]; then
  ahead=$(git rev-list --count "$base"..HEAD)
  behind=$(git rev-list --count HEAD.."$base")
  echo "ahead/behind:  $ahead / $behind"
  echo "commits:"
  git log --oneline "$base"..HEAD | sed 's/^/  /'
fi

if git diff --quiet && git diff --cached --quiet; then
  echo "working tree:  clean"
else
  echo "working tree:  DIRTY"
  git status --short | sed 's/^/  /'
fi

upstream=$(git rev-parse --abbrev-ref --symbolic-full-name '@{u}' 2>/dev/null || true)
echo "upstream:      ${upstream:-none}"

top=$(git rev-parse --show-toplevel)
common=$(git rev-parse --git-common-dir)
if [[ "$(cd "$common" && pwd)" != "$top/.git" ]]; then
  echo "worktree:      linked ($top)"
else
  echo "worktree:      main checkout"
fi
