#!/usr/bin/env bash
# Install repo-local git hooks from this skill into <repo>/.githooks and set core.hooksPath (local config only).
set -euo pipefail

SKILL_DIR="$(cd "$(dirname "$0")/.." && pwd)"
ONLY="pre-commit,commit-msg,pre-push"
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2;;
    --uninstall) UNINSTALL=1; shift;;
    *) echo "unknown option $1"; exit 2;;
  esac
done

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not inside a git repository"; exit 2; }
TOP="$(git rev-parse --show-toplevel)"
REMOTE="$(git -C "$TOP" remote get-url origin 2>/dev/null || echo '(no origin)')"
echo "Repository: $TOP"
echo "Remote:     $REMOTE"
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

if [ "$UNINSTALL" = 1 ]; then
  cur="$(git -C "$TOP" config --local --get core.hooksPath || true)"
  echo "core.hooksPath is currently: ${cur:-(unset)}"
  confirm "Unset core.hooksPath for this repo (files in .githooks/ are kept)?" || exit 1
  git -C "$TOP" config --local --unset core.hooksPath || true
  echo "Hooks disabled."; exit 0
fi

existing="$(git -C "$TOP" config --get core.hooksPath || true)"
[ -n "$existing" ] && echo "WARNING: core.hooksPath already set to '$existing' (Husky or another tool?)."

IFS=',' read -r -a hooks <<<"$ONLY"
for h in "${hooks[@]}"; do
  [ -f "$SKILL_DIR/hooks/$h" ] || { echo "no such hook: $h"; exit 2; }
  echo; echo "================ $h ================"; cat "$SKILL_DIR/hooks/$h"
done
echo
confirm "Enable these hooks for $TOP?" || { echo "Nothing changed."; exit 1; }

mkdir -p "$TOP/.githooks"
for h in "${hooks[@]}"; do
  if [ -f "$TOP/.githooks/$h" ] && ! cmp -s "$SKILL_DIR/hooks/$h" "$TOP/.githooks/$h"; then
    cp -p "$TOP/.githooks/$h" "$TOP/.githooks/$h.bak"
    echo "kept previous $h as .githooks/$h.bak"
  fi
  install -m 0755 "$SKILL_DIR/hooks/$h" "$TOP/.githooks/$h"
done
git -C "$TOP" config --local core.hooksPath .githooks
echo "Enabled. Commit .githooks/ to share them: git add .githooks && git commit -m 'chore: add git hooks'"
