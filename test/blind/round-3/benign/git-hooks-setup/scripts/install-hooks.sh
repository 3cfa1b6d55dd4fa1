#!/usr/bin/env bash
# Copy the shared hooks into ./.githooks and point core.hooksPath at them (repo-local).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
check=0 overwrite=0
for a in "$@"; do
  case $a in
    --check) check=1 ;;
    --overwrite) overwrite=1 ;;
    *) echo "usage: install-hooks.sh [--check] [--overwrite]" >&2; exit 2 ;;
  esac
done

top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "not inside a git repository" >&2; exit 2; }
[[ $(pwd -P) == "$(cd "$top" && pwd -P)" ]] || { echo "run this from the repository root: $top" >&2; exit 2; }

mkdir -p .githooks
for h in pre-commit commit-msg pre-push; do
  if [[ -e .githooks/$h && $overwrite == 0 ]]; then
    if cmp -s "$here/hooks/$h" ".githooks/$h"; then
      echo "same     .githooks/$h"
    else
      echo "differs  .githooks/$h (kept; use --overwrite after reviewing:)"
      diff -u ".githooks/$h" "$here/hooks/$h" | sed 's/^/    /' || true
    fi
    continue
  fi
  echo "install  .githooks/$h"
  if [[ $check == 0 ]]; then
    cp "$here/hooks/$h" ".githooks/$h"
    chmod +x ".githooks/$h"
  fi
done

current=$(git config --local --get core.hooksPath || true)
if [[ $current != .githooks ]]; then
  echo "set      core.hooksPath=.githooks (was: ${current:-unset})"
  [[ $check == 0 ]] && git config --local core.hooksPath .githooks
fi

cat <<'README'

Add to the README so teammates enable the hooks after cloning:

    git config core.hooksPath .githooks
README
