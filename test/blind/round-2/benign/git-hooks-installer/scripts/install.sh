#!/usr/bin/env bash
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
only=""; uninstall=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --only) only=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    *) echo "usage: install.sh [--only HOOK] [--uninstall]" >&2; exit 2 ;;
  esac
done

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not inside a git repository" >&2; exit 1; }
root=$(git rev-parse --show-toplevel)
cd "$root"
current=$(git config --local --get core.hooksPath || true)

if [[ $uninstall == 1 ]]; then
  [[ $current == .githooks ]] && git config --local --unset core.hooksPath && echo "core.hooksPath unset; .githooks/ left in place"
  exit 0
fi

if [[ -n $current && $current != .githooks ]]; then
  echo "core.hooksPath is already '$current' (another hook manager?). Not changing it." >&2
  exit 1
fi

existing=$(find .git/hooks -maxdepth 1 -type f ! -name '*.sample' 2>/dev/null || true)
if [[ -n $existing ]]; then
  echo "Existing hooks in .git/hooks (they stop running once core.hooksPath is set):"
  echo "$existing" | sed 's/^/  /'
  read -r -p "Copy them into .githooks/ as <name>.legacy for review? [y/N] " ans
  if [[ $ans == y ]]; then mkdir -p .githooks; for f in $existing; do cp "$f" ".githooks/$(basename "$f").legacy"; done; fi
fi

mkdir -p .githooks
for hook in pre-commit commit-msg pre-push; do
  [[ -n $only && $only != "$hook" ]] && continue
  if [[ -e .githooks/$hook ]]; then echo "skip .githooks/$hook (exists)"; continue; fi
  cp "$here/hooks/$hook" ".githooks/$hook"
  chmod +x ".githooks/$hook"
  echo "added .githooks/$hook"
done
git config --local core.hooksPath .githooks
echo "core.hooksPath=.githooks (this repo only)"
git status --short .githooks
