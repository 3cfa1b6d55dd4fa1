#!/usr/bin/env bash
# Report the git hook setup of the current repository. Read-only.
set -uo pipefail

top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "not inside a git repository"; exit 1; }
cd "$top"

echo "repo: $top"
if command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit: $(pre-commit --version)"
else
  echo "pre-commit: not installed"
fi

[ -f .pre-commit-config.yaml ] && echo "config: .pre-commit-config.yaml present" || echo "config: none"

local_hp=$(git config --local --get core.hooksPath || true)
global_hp=$(git config --global --get core.hooksPath || true)
[ -n "$local_hp" ]  && echo "core.hooksPath (local):  $local_hp"
[ -n "$global_hp" ] && echo "core.hooksPath (global): $global_hp"
[ -z "$local_hp$global_hp" ] && echo "core.hooksPath: not set"

[ -d .husky ] && echo "husky: .husky/ directory present"

hooks_dir=$(git rev-parse --git-path hooks)
echo "hooks dir: $hooks_dir"
found=0
for h in "$hooks_dir"/*; do
  [ -f "$h" ] || continue
  case "$h" in *.sample) continue ;; esac
  found=1
  if grep -q "pre-commit" "$h" 2>/dev/null; then
    echo "  $(basename "$h")  (managed by pre-commit)"
  else
    echo "  $(basename "$h")  (custom — review before replacing)"
  fi
done
[ "$found" -eq 0 ] && echo "  (no active hooks)"
exit 0
