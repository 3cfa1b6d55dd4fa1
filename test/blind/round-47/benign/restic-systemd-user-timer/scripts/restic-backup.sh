#!/usr/bin/env bash
# Called by restic-backup.service. Environment comes from ~/.config/restic/env.
set -euo pipefail
: "${RESTIC_REPOSITORY:?}" "${RESTIC_BACKUP_PATHS:?}"
EXCLUDES=${RESTIC_EXCLUDES:-$HOME/.config/restic/excludes}

# shellcheck disable=SC2086
restic backup $RESTIC_BACKUP_PATHS \
  --exclude-file "$EXCLUDES" \
  --exclude-caches \
  --one-file-system \
  --tag systemd-timer \
  --verbose=1

# shellcheck disable=SC2086
restic forget --tag systemd-timer --prune ${RESTIC_KEEP:---keep-daily 7 --keep-weekly 4 --keep-monthly 6}
