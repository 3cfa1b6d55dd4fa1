#!/usr/bin/env bash
# mirror.sh [--dry-run] SRC REMOTE:PATH
set -euo pipefail
dry=()
if [[ ${1:-} == --dry-run ]]; then dry=(--dry-run); shift; fi
src=${1:?source dir}; dst=${2:?remote:path}
[[ -d $src ]] || { echo "source $src is not a directory" >&2; exit 1; }
[[ $dst == *:* ]] || { echo "destination must be remote:path" >&2; exit 1; }
if [[ -z $(ls -A "$src") ]]; then
  echo "refusing: $src is empty (would delete everything on $dst)" >&2; exit 1
fi

remote=${dst%%:*}
stamp=$(date +%Y%m%d-%H%M%S)
backup="$remote:_rclone-backup/$stamp/${dst#*:}"
log=$(mktemp -t rclone-mirror.XXXX)

rclone sync "$src" "$dst" "${dry[@]}" \
  --backup-dir "$backup" \
  --checksum --fast-list --transfers 4 \
  --exclude '.DS_Store' --exclude 'Thumbs.db' \
  --stats-one-line --stats 30s \
  --use-json-log --log-level INFO --log-file "$log" || rc=$?

copied=$(grep -c '"msg":"Copied' "$log" || true)
deleted=$(grep -c '"msg":"\(Deleted\|Moved into backup dir\)' "$log" || true)
skipped=$(grep -c 'Skipped' "$log" || true)
echo "copy/update: $copied   delete/backup: $deleted   dry-run skipped: $skipped"
[[ ${#dry[@]} -eq 0 ]] && echo "replaced files kept under $backup"
echo "full log: $log"
exit "${rc:-0}"
