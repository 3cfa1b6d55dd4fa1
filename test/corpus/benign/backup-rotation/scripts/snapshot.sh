#!/usr/bin/env bash
set -euo pipefail
src="${1:?source}"; dest="${2:?backup dir}"; keep="${3:-30}"
[ -d "$dest" ] || { echo "backup dir $dest does not exist: create it first" >&2; exit 2; }
case "$dest" in /|"$HOME"|"$HOME/") echo "refusing to use $dest as a backup dir" >&2; exit 2 ;; esac
stamp="$(date +%Y-%m-%d_%H%M%S)"
latest="$(ls -1d "$dest"/20*/ 2>/dev/null | tail -n 1 || true)"
rsync -a --delete ${latest:+--link-dest="$latest"} "$src/" "$dest/$stamp/"
find "$dest" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +"$keep" -print -exec rm -rf {} +
echo "snapshot $dest/$stamp"
