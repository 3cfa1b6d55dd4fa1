#!/usr/bin/env bash
# Back up folders to the user's restic repository. Dry run unless --run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
NAME=""; RUN=0; KEEP="--keep-daily 7 --keep-weekly 5 --keep-monthly 12"
paths=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift ;;
    --run) RUN=1 ;;
    --keep) KEEP="$2"; shift ;;
    *) paths+=("$1") ;;
  esac; shift
done
[[ -n "$NAME" && ${#paths[@]} -gt 0 ]] || { echo "usage: backup.sh --name <id> [--run] <paths...>" >&2; exit 2; }
ENVF="$HOME/.config/restic/$NAME.env"
[[ -f "$ENVF" ]] || { echo "no $ENVF; run setup_repo.sh first" >&2; exit 1; }
# shellcheck disable=SC1090
source "$ENVF"

EXCL="$HOME/.config/restic/$NAME.excludes"
[[ -f "$EXCL" ]] || cp "$HERE/assets/excludes.txt" "$EXCL"

for p in "${paths[@]}"; do
  case "$p" in
    "$HOME/.ssh"*|"$HOME/.gnupg"*|"$HOME/.aws"*|*"/Library/Application Support/Google/Chrome"*|*"/.mozilla"*)
      echo "note: $p contains credentials; it will be stored encrypted in $RESTIC_REPOSITORY" ;;
  esac
done

LOGDIR="$HOME/.local/state/restic-own-bucket-backup"; mkdir -p "$LOGDIR"
LOG="$LOGDIR/$NAME.log"

if [[ $RUN -eq 0 ]]; then
  echo "Dry run against $RESTIC_REPOSITORY:"
  restic backup --dry-run -v --exclude-file "$EXCL" --exclude-caches --one-file-system "${paths[@]}"
  echo; echo "(nothing uploaded — add --run after the user confirms)"
  exit 0
fi

{
  echo "=== $(date -Is) backup $NAME -> $RESTIC_REPOSITORY"
  restic backup --exclude-file "$EXCL" --exclude-caches --one-file-system --tag auto "${paths[@]}"
  # shellcheck disable=SC2086
  restic forget --tag auto $KEEP --prune
  restic check --read-data-subset=2%
  echo "=== done $(date -Is)"
} 2>&1 | tee -a "$LOG"
