#!/usr/bin/env bash
# Install the Conventional Commits commit-msg hook for THIS repository only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git rev-parse --show-toplevel)"
cd "$root"

hooks_path="$(git config --local --get core.hooksPath || true)"
if [ -z "$hooks_path" ]; then
  for d in .githooks .husky; do
    if [ -d "$d" ]; then hooks_path="$d"; break; fi
  done
fi

if [ -n "$hooks_path" ]; then
  target="$hooks_path/commit-msg"
  shared=1
else
  target="$(git rev-parse --git-path hooks)/commit-msg"
  shared=0
fi

if [ -e "$target" ]; then
  echo "A commit-msg hook already exists at $target; not overwriting it:"
  echo "-----"
  cat "$target"
  echo "-----"
  echo "Merge the check in by hand or remove that hook first."
  exit 1
fi

mkdir -p "$(dirname "$target")"
cp "$here/commit-msg.rb" "$target"
chmod +x "$target"

echo "Installed $target"
if [ "$shared" -eq 1 ]; then
  echo "This directory is shared with the team. Commit it:"
  echo "  git add $target && git commit -m 'chore: enforce conventional commit messages'"
  if [ -z "$(git config --local --get core.hooksPath || true)" ] && [ "$hooks_path" = ".githooks" ]; then
    echo "Teammates enable it with: git config --local core.hooksPath .githooks"
  fi
else
  echo "Local to this clone only (.git/hooks is not versioned)."
fi
