#!/usr/bin/env bash
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="${XDG_CONFIG_HOME:-$HOME/.config}/commit-guard"

command -v ruby >/dev/null || { echo "ruby is required" >&2; exit 1; }

mkdir -p "$dest"
rm -rf "$dest/hooks"
cp -R "$here/hooks" "$dest/hooks"
chmod +x "$dest/hooks/commit-msg" "$dest/hooks/pre-push"

prev="$(git config --global --get core.hooksPath || true)"
if [ -n "$prev" ] && [ "$prev" != "$dest/hooks" ]; then
  echo "$prev" > "$dest/previous-hooks-path"
fi
git config --global core.hooksPath "$dest/hooks"

echo "commit-guard installed: core.hooksPath -> $dest/hooks"
