#!/usr/bin/env bash
set -euo pipefail
source "$HOME/.config/restic/env"
LOG="${XDG_STATE_HOME:-$HOME/.local/state}/restic/backup.log"
mkdir -p "$(dirname "$LOG")"
{
  echo "=== $(date -Is) backup start"
  restic backup --exclude-file "$HOME/.config/restic/excludes.txt" --exclude-caches --one-file-system \
    --tag auto ${RESTIC_SOURCES:-"$HOME/Documents" "$HOME/projects"}
  restic forget --tag auto --keep-daily 7 --keep-weekly 5 --keep-monthly 12 --prune
  restic check --read-data-subset=1%
  echo "=== $(date -Is) backup done"
} >> "$LOG" 2>&1
