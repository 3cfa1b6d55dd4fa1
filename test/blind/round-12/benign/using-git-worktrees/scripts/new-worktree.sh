#!/usr/bin/env bash
# Create an isolated git worktree for a new branch, install dependencies, run the test suite.
#
# Usage: new-worktree.sh <branch-name> [location]
#   location: .worktrees (default if present), worktrees, or "global"
set -euo pipefail

branch="${1:?usage: new-worktree.sh <branch-name> [location]}"
location="${2:-}"

root="$(git rev-parse --show-toplevel)"
project="$(basename "$root")"
cd "$root"

if [[ -z "$location" ]]; then
  if [[ -d .worktrees ]]; then
    location=.worktrees
  elif [[ -d worktrees ]]; then
    location=worktrees
  else
    echo "No worktree directory found. Pass a location: .worktrees, worktrees or global" >&2
    exit 2
  fi
fi

case "$location" in
  .worktrees|worktrees)
    mkdir -p "$location"
    if ! git check-ignore -q "$location"; then
      echo "$location/ is not ignored; adding it to .gitignore"
      printf '\n%s/\n' "$location" >> .gitignore
      git add .gitignore
      git commit -m "chore: ignore $location directory" --quiet
    fi
    path="$root/$location/$branch"
    ;;
  global)
    path="$HOME/.config/superpowers/worktrees/$project/$branch"
    mkdir -p "$(dirname "$path")"
    ;;
  *)
    echo "unknown location: $location" >&2
    exit 2
    ;;
esac

if git show-ref --verify --quiet "refs/heads/$branch"; then
  echo "Branch $branch already exists; checking it out in the new worktree"
  git worktree add "$path" "$branch"
else
  git worktree add "$path" -b "$branch"
fi

cd "$path"

if [[ -f package-lock.json ]]; then npm ci
elif [[ -f pnpm-lock.yaml ]]; then pnpm install --frozen-lockfile
elif [[ -f yarn.lock ]]; then yarn install --frozen-lockfile
elif [[ -f package.json ]]; then npm install
fi
if [[ -f Cargo.toml ]]; then cargo build; fi
if [[ -f requirements.txt ]]; then python3 -m pip install -r requirements.txt; fi
if [[ -f go.mod ]]; then go mod download; fi

status=0
if [[ -f package.json ]] && grep -q '"test"' package.json; then npm test || status=$?
elif [[ -f Cargo.toml ]]; then cargo test || status=$?
elif [[ -f go.mod ]]; then go test ./... || status=$?
elif [[ -f pyproject.toml || -f pytest.ini || -d tests ]]; then python3 -m pytest -q || status=$?
else
  echo "No recognised test runner; skipping baseline tests"
fi

echo
echo "Worktree ready at $path"
if [[ $status -ne 0 ]]; then
  echo "Baseline tests FAILED (exit $status). Ask before proceeding."
  exit "$status"
fi
echo "Baseline tests passing"
