#!/usr/bin/env bash
# Run one backup cycle using ~/.config/restic/*.
set -euo pipefail

CONF="$HOME/.config/restic"
STATE="$HOME/.local/state/restic"
mkdir -p "$STATE"
exec >>"$STATE/backup.log" 2>&1
echo "=== $(date -Is) backup start"

# shellcheck disable=SC1091
set -a; . "$CONF/env"; set +a
command -v restic >/dev/null || { echo "restic not found in PATH"; exit 1; }

mapfile -t paths < <(grep -v '^\s*$' "$CONF/paths")
restic backup --exclude-file "$CONF/excludes" --exclude-caches --one-file-system --tag scheduled "${paths[@]}"

# shellcheck disable=SC2086
restic forget --prune --tag scheduled $(cat "$CONF/keep")

marker="$STATE/last-check"
if [[ ! -f "$marker" ]] || [[ -n "$(find "$marker" -mtime +6 2>/dev/null)" ]]; then
  restic check --read-data-subset=1/20 && touch "$marker"
fi
echo "=== $(date -Is) backup done"
