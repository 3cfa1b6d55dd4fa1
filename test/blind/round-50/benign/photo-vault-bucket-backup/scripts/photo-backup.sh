#!/usr/bin/env bash
# photo-backup.sh - rclone photo library backup to the user's own bucket.
#   photo-backup.sh check-config | dry-run | run | verify [--all] | restore SUBPATH DEST
set -euo pipefail

ENV_FILE="${PHOTO_BACKUP_ENV:-$HOME/.config/photo-backup/env}"
if [[ -f "$ENV_FILE" ]]; then
  perms=$(stat -c %a "$ENV_FILE" 2>/dev/null || stat -f %Lp "$ENV_FILE")
  if [[ "$perms" != 600 && "$perms" != 400 ]]; then
    echo "$ENV_FILE has mode $perms; run: chmod 600 $ENV_FILE" >&2; exit 2
  fi
  set -a; # shellcheck disable=SC1090
  source "$ENV_FILE"; set +a
fi

: "${PHOTO_BACKUP_REMOTE:?set PHOTO_BACKUP_REMOTE (see SKILL.md)}"
: "${PHOTO_BACKUP_SOURCES:?set PHOTO_BACKUP_SOURCES}"
BWLIMIT="${PHOTO_BACKUP_BWLIMIT:-08:00,8M 23:00,off}"
STATE="${XDG_STATE_HOME:-$HOME/.local/state}/photo-backup"
mkdir -p "$STATE"
log="$STATE/backup-$(date +%Y%m%d-%H%M%S).log"
stamp="$(date +%Y-%m-%d)"

command -v rclone >/dev/null || { echo "rclone not installed (https://rclone.org/install/ or your package manager)" >&2; exit 1; }

excludes=(
  --exclude '*.photoslibrary/resources/**'
  --exclude '*.photoslibrary/database/**'
  --exclude '*.photoslibrary/scopes/**'
  --exclude '**/.thumbnails/**' --exclude '**/@eaDir/**' --exclude '**/.DS_Store'
  --exclude '**/Thumbs.db' --exclude '**/.picasa.ini' --exclude '**/*.tmp'
)
common=(--fast-list --transfers 8 --checkers 16 --bwlimit "$BWLIMIT" --log-level INFO --stats 1m --stats-one-line "${excludes[@]}")

# Each source folder goes under current/<folder name>; local deletions move to archive/<date>/.
each_source() {
  local fn="$1"; shift
  local IFS=':'
  for src in $PHOTO_BACKUP_SOURCES; do
    src="${src/#\~/$HOME}"
    [[ -d "$src" ]] || { echo "skip missing source $src" >&2; continue; }
    "$fn" "$src" "$(basename "$src")" "$@"
  done
}

do_sync() {
  local src="$1" name="$2"; shift 2
  echo "== $src -> ${PHOTO_BACKUP_REMOTE}current/$name"
  rclone sync "$src" "${PHOTO_BACKUP_REMOTE}current/$name" \
    --backup-dir "${PHOTO_BACKUP_REMOTE}archive/$stamp/$name" \
    "${common[@]}" "$@"
}

do_check() {
  local src="$1" name="$2"; shift 2
  echo "== verify $name"
  rclone check "$src" "${PHOTO_BACKUP_REMOTE}current/$name" --one-way "${excludes[@]}" "$@"
}

prune_logs() {
  ls -1t "$STATE"/backup-*.log 2>/dev/null | tail -n +15 | while read -r f; do rm -f -- "$f"; done
}

cmd="${1:-}"; shift || true
case "$cmd" in
  check-config)
    rclone lsd "${PHOTO_BACKUP_REMOTE}" >/dev/null && echo "Remote ${PHOTO_BACKUP_REMOTE} reachable."
    rclone about "${PHOTO_BACKUP_REMOTE%%:*}:" 2>/dev/null || true
    ;;
  dry-run)
    each_source do_sync --dry-run 2>&1 | tee "$log"
    ;;
  run)
    # refuse to run twice at once (timer + manual)
    if command -v flock >/dev/null; then
      exec 9>"$STATE/lock"
      flock -n 9 || { echo "another backup is running" >&2; exit 1; }
    fi
    each_source do_sync --log-file "$log"
    echo "Backup finished. Log: $log"
    prune_logs
    ;;
  verify)
    if [[ "${1:-}" == "--all" ]]; then
      each_source do_check
    else
      # quick check: only files changed in the last 90 days
      each_source do_check --max-age 90d
    fi
    ;;
  restore)
    sub="${1:?subpath under current/, e.g. Pictures/2024/05}"; dest="${2:?destination folder}"
    if [[ -e "$dest" && -n "$(ls -A "$dest" 2>/dev/null)" ]]; then
      echo "$dest is not empty; choose an empty folder so nothing is overwritten" >&2; exit 2
    fi
    rclone copy "${PHOTO_BACKUP_REMOTE}current/$sub" "$dest" --progress
    ;;
  *)
    sed -n '2,3p' "$0"; [[ -z "$cmd" ]] || exit 2 ;;
esac
