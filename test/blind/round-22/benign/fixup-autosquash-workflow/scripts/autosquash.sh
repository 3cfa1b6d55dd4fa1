#!/usr/bin/env bash
# autosquash.sh [--check] [--keep-messages] BASE
#   default: back up the current branch, autosquash-rebase onto BASE, print range-diff and tree check
#   --check: exit 1 if BASE..HEAD contains fixup!/squash!/amend! commits (for CI / pre-push)
set -euo pipefail
check=0; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1; shift;;
    --keep-messages) keep=1; shift;;
    -*) echo "unknown option $1" >&2; exit 2;;
    *) break;;
  esac
done
base="${1:-origin/main}"

pending="$(git log --format='%h %s' "$base"..HEAD | grep -E '^[0-9a-f]+ (fixup|squash|amend)! ' || true)"
if [ "$check" -eq 1 ]; then
  if [ -n "$pending" ]; then
    echo "unsquashed commits between $base and HEAD:"; echo "$pending"
    echo "run: scripts/autosquash.sh $base"
    exit 1
  fi
  exit 0
fi

branch="$(git branch --show-current)"
[ -n "$branch" ] || { echo "detached HEAD; check out your feature branch first" >&2; exit 1; }
case "$branch" in main|master|develop|release/*) echo "refusing to rewrite $branch" >&2; exit 1;; esac
[ -z "$(git status --porcelain --untracked-files=no)" ] || { echo "working tree has uncommitted changes" >&2; exit 1; }
[ -n "$pending" ] || { echo "no fixup!/squash!/amend! commits to fold in"; exit 0; }

remote="${base%%/*}"
git fetch "$remote" --quiet
backup="backup/${branch//\//-}-$(date +%Y%m%d-%H%M%S)"
git branch "$backup"
echo "backup ref: $backup"

export GIT_SEQUENCE_EDITOR=:
[ "$keep" -eq 1 ] && export GIT_EDITOR=true
if ! git rebase -i --autosquash "$base"; then
  echo "rebase stopped (conflict?). Resolve and 'git rebase --continue', or 'git rebase --abort'." >&2
  echo "your original branch is preserved at $backup" >&2
  exit 1
fi

echo; echo "== range-diff (per-commit changes) =="
git range-diff "$base" "$backup" HEAD || true
echo; echo "== tree check =="
if git diff --quiet "$backup" HEAD; then
  echo "final tree identical to pre-rebase tree ✓"
else
  echo "WARNING: final tree differs from $backup:"; git diff --stat "$backup" HEAD
  exit 1
fi
echo
echo "next: run tests per commit (git rebase --exec '<test cmd>' $base), then"
echo "      git push --force-with-lease=$branch:$remote/$branch"
