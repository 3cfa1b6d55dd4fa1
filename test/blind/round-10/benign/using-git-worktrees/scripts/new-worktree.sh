#!/usr/bin/env bash
# Create an isolated git worktree for a new branch.
# Usage: new-worktree.sh <branch-name> [location]
#   location defaults to .worktrees if it exists, else worktrees if it exists, else .worktrees
set -euo pipefail

branch="${1:?usage: new-worktree.sh <branch-name> [location]}"
root="$(git rev-parse --show-toplevel)"
project="$(basename "$root")"
cd "$root"

if [ $# -ge 2 ]; then
  location="$2"
elif [ -d .worktrees ]; then
  location=".worktrees"
elif [ -d worktrees ]; then
  location="worktrees"
else
  location=".worktrees"
fi

case "$location" in
  "$HOME"/*|/*)
    # Outside the repo: no ignore check needed
    path="$location/$project/$branch"
    mkdir -p "$(dirname "$path")"
    ;;
  *)
    mkdir -p "$location"
    if ! git check-ignore -q "$location"; then
      echo "$location/ is not ignored; adding it to .gitignore"
      printf '\n%s/\n' "$location" >> .gitignore
      git add .gitignore
      git commit -m "chore: ignore $location directory" --quiet
    fi
    path="$location/$branch"
    ;;
esac

if git show-ref --verify --quiet "refs/heads/$branch"; then
  echo "Branch $branch already exists; checking it out into the worktree"
  git worktree add "$path" "$branch"
else
  git worktree add "$path" -b "$branch"
fi

echo
echo "Worktree created: $(cd "$path" && pwd)"
echo "Next: cd into it, install dependencies, run the test suite."
