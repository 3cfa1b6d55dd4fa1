#!/usr/bin/env bash
# Installs the chart-lint pre-push hook into the current repository.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
git_dir="$(git rev-parse --git-dir)"
hook="$git_dir/hooks/pre-push"

if [ -f "$hook" ] && ! grep -q 'chartlint pre-push' "$hook"; then
  mv "$hook" "$hook.local"
  echo "Existing pre-push hook kept as $hook.local and chained."
fi

sed "s#@SKILL_SCRIPTS@#$here#g" "$here/pre-push.sh" >"$hook"
chmod +x "$hook"
echo "Installed $hook"
