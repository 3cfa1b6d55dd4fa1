#!/usr/bin/env bash
# restic wrapper for backups to the user's own S3-compatible bucket.
set -euo pipefail

CFG_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/own-bucket-snapshot"
ENV_FILE="$CFG_DIR/env"
STATE="${XDG_STATE_HOME:-$HOME/.local/state}/own-bucket-snapshot"
HERE="$(cd "$(dirname "$0")" && pwd)"
EXCLUDES="$HERE/../config/excludes.txt"
YES=0; CMD="${1:-}"; shift || true
[[ "${1:-}" == "--yes" ]] && YES=1

ask() { [[ $YES -eq 1 ]] && return 0; local a; read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }
need() { command -v "$1" >/dev/null || { echo "missing $1 (install: brew/apt/dnf install $1)"; exit 1; }; }

load_env() {
  [[ -f "$ENV_FILE" ]] || { echo "no $ENV_FILE; run: $0 init-config"; exit 1; }
  perm=$(stat -c %a "$ENV_FILE" 2>/dev/null || stat -f %Lp "$ENV_FILE")
  [[ "$perm" == 600 || "$perm" == 400 ]] || { echo "$ENV_FILE must be mode 600 (is $perm)"; exit 1; }
  set -a; # shellcheck disable=SC1090
  source "$ENV_FILE"; set +a
  [[ -n "${RESTIC_REPOSITORY:-}" && -n "${BACKUP_PATHS:-}" ]] || { echo "RESTIC_REPOSITORY and BACKUP_PATHS must be set"; exit 1; }
  [[ -n "${RESTIC_PASSWORD_COMMAND:-}${RESTIC_PASSWORD:-}${RESTIC_PASSWORD_FILE:-}" ]] || { echo "set RESTIC_PASSWORD_COMMAND"; exit 1; }
  mkdir -p "$STATE"
}

backup_args() {
  # shellcheck disable=SC2206
  paths=($BACKUP_PATHS)
  echo --exclude-file="$EXCLUDES" --exclude-caches --exclude-if-present .nobackup --one-file-system --tag own-bucket-snapshot "${paths[@]}"
}

case "$CMD" in
  init-config)
    mkdir -p "$CFG_DIR"; [[ -f "$ENV_FILE" ]] && { echo "$ENV_FILE exists"; exit 1; }
    (umask 077; cat > "$ENV_FILE" <<'TPL'
# own-bucket-snapshot settings. Keep this file mode 600.
RESTIC_REPOSITORY="s3:s3.REGION.amazonaws.com/BUCKET/PREFIX"
RESTIC_PASSWORD_COMMAND=""
AWS_ACCESS_KEY_ID=""
AWS_SECRET_ACCESS_KEY=""
BACKUP_PATHS="$HOME/Documents"
KEEP="--keep-daily 7 --keep-weekly 5 --keep-monthly 12"
TPL
    )
    echo "wrote $ENV_FILE (600). Fill it in: ${EDITOR:-vi} $ENV_FILE";;
  init)
    need restic; load_env
    echo "will create an encrypted restic repository at: $RESTIC_REPOSITORY"
    ask "Proceed?" && restic init;;
  dry-run)
    need restic; load_env
    # shellcheck disable=SC2046
    restic backup --dry-run -v $(backup_args) | tee "$STATE/dry-run.txt" | tail -n 20
    echo "full listing: $STATE/dry-run.txt";;
  backup)
    need restic; load_env
    echo "backing up: $BACKUP_PATHS"; echo "to:         $RESTIC_REPOSITORY"
    ask "Start backup?" || exit 0
    # shellcheck disable=SC2046
    restic backup $(backup_args) 2>&1 | tee -a "$STATE/backup.log"
    restic check --read-data-subset 1/50 2>&1 | tee -a "$STATE/backup.log";;
  snapshots)
    need restic; load_env; restic snapshots --tag own-bucket-snapshot;;
  prune)
    need restic; load_env
    # shellcheck disable=SC2086
    restic forget --tag own-bucket-snapshot $KEEP --dry-run
    # shellcheck disable=SC2086
    ask "Forget the snapshots listed above and prune unreferenced data?" && restic forget --tag own-bucket-snapshot $KEEP --prune;;
  restore-test)
    need restic; load_env
    tmp=$(mktemp -d)
    f=$(restic ls latest --json | jq -r 'select(.type=="file" and .size < 1048576) | .path' | shuf -n1)
    [[ -n "$f" ]] || { echo "no small file found in latest snapshot"; exit 1; }
    restic restore latest --target "$tmp" --include "$f" >/dev/null
    if cmp -s "$tmp$f" "$f"; then echo "restore OK: $f"; else echo "restored copy differs from current file (may have changed since): $f"; fi
    rm -rf -- "$tmp";;
  *) echo "usage: $0 init-config|init|dry-run|backup [--yes]|snapshots|prune|restore-test"; exit 2;;
esac
