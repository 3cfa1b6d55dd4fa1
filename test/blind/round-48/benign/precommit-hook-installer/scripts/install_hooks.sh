#!/usr/bin/env bash
# Install the shared hooks into .githooks/ of the current repository.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src="$here/assets/githooks"
root=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "run this inside a git repository" >&2; exit 1; }
cd "$root"

current=$(git config --get core.hooksPath || true)
if [ -n "$current" ] && [ "$current" != ".githooks" ]; then
  echo "core.hooksPath is already set to '$current' in this repo."
  echo "Not changing it. Merge the hooks from $src into $current by hand, or unset it first."
  exit 1
fi

echo "Repository: $root"
echo "Will create/keep:"
for h in pre-commit commit-msg; do
  if [ -e ".githooks/$h" ]; then
    if cmp -s "$src/$h" ".githooks/$h"; then echo "  .githooks/$h (identical, unchanged)"
    else echo "  .githooks/$h (exists and differs - NOT overwritten; diff below)"; fi
  else
    echo "  .githooks/$h (new)"
  fi
done
echo "Will run: git config core.hooksPath .githooks   (this repository only)"

if [ "${1:-}" != "--yes" ]; then
  read -r -p "Proceed? [y/N] " ans
  case "$ans" in y|Y|yes) ;; *) echo "aborted"; exit 1 ;; esac
fi

mkdir -p .githooks
for h in pre-commit commit-msg; do
  if [ -e ".githooks/$h" ]; then
    cmp -s "$src/$h" ".githooks/$h" || diff -u ".githooks/$h" "$src/$h" || true
    continue
  fi
  cp "$src/$h" ".githooks/$h"
  chmod +x ".githooks/$h"
done
git config core.hooksPath .githooks

echo
echo "Installed. Next:"
echo "  git add .githooks && git commit -m 'chore: add shared git hooks'"
echo "  Tell teammates to run: git config core.hooksPath .githooks"
command -v gitleaks >/dev/null || echo "  (gitleaks not found - secret scan will be skipped until it's installed)"
