#!/usr/bin/env bash
set -euo pipefail
set -a; . ~/.config/restic/env; set +a

args=(backup --one-file-system --tag scheduled)
[ -n "${EXCLUDE_FILE:-}" ] && [ -f "$EXCLUDE_FILE" ] && args+=(--exclude-file "$EXCLUDE_FILE")
[ "${1:-}" = "--dry-run" ] && args+=(--dry-run -v)

# shellcheck disable=SC2086
restic "${args[@]}" $BACKUP_PATHS
[ "${1:-}" = "--dry-run" ] && exit 0

restic forget --tag scheduled --keep-daily 7 --keep-weekly 4 --keep-monthly 12 --prune
# weekly integrity check on Sundays
[ "$(date +%u)" = 7 ] && restic check --read-data-subset=2%
exit 0
