#!/usr/bin/env bash
# rclone sync of user-chosen folders to the user's own remote, with dated versions. Dry run supported.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
REMOTE="" DEST="" DRY=0 CHECK=0 SRCS=()
EXTRA=()
while (($#)); do
  case "$1" in
    --remote) REMOTE="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --src) SRCS+=("${2/#\~/$HOME}"); shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --check) CHECK=1; shift ;;
    --bwlimit|--max-duration) EXTRA+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$REMOTE" && -n "$DEST" ]] || { echo "usage: backup.sh --remote NAME: --dest PATH --src DIR [--src DIR…] [--dry-run|--check]" >&2; exit 2; }
command -v rclone >/dev/null || { echo "rclone not installed" >&2; exit 1; }

remote_name="${REMOTE%%:*}"
rclone listremotes | grep -qx "${remote_name}:" || { echo "remote '$remote_name' not found; create it with: rclone config" >&2; exit 1; }
rtype=$(rclone config show "$remote_name" | awk -F' = ' '$1=="type"{print $2}')

STATE="$HOME/.local/state/rclone-backup"; mkdir -p "$STATE"
today=$(date +%F)
log="$STATE/$today.log"
base="${REMOTE%:}:${DEST#/}"
base="${base%/}"

if ((CHECK)); then
  for s in "${SRCS[@]}"; do
    name="$(basename "$s")"
    echo "== check $s ↔ $base/current/$name"
    if [[ "$rtype" == crypt ]]; then rclone cryptcheck "$s" "$base/current/$name" --filter-from "$HERE/assets/filters.txt" --one-way
    else rclone check "$s" "$base/current/$name" --filter-from "$HERE/assets/filters.txt" --one-way; fi
  done
  exit 0
fi

((${#SRCS[@]})) || { echo "give at least one --src" >&2; exit 2; }
for s in "${SRCS[@]}"; do
  [[ -d "$s" ]] || { echo "not a directory: $s" >&2; exit 1; }
  case "$s" in
    "$HOME/.ssh"*|"$HOME/.gnupg"*|"$HOME/.aws"*|"$HOME/.kube"*)
      [[ "$rtype" == crypt ]] || { echo "refusing to send $s to non-encrypted remote '$remote_name' (type $rtype); use a crypt remote" >&2; exit 1; } ;;
  esac
done

echo "remote: $REMOTE (type $rtype)  destination: $base"
[[ "$rtype" != crypt ]] && echo "note: remote is not encrypted; the provider can read file names and contents"

for s in "${SRCS[@]}"; do
  name="$(basename "$s")"
  args=(sync "$s" "$base/current/$name"
        --backup-dir "$base/versions/$today/$name"
        --filter-from "$HERE/assets/filters.txt"
        --fast-list --transfers 8 --checkers 16
        --log-file "$log" --log-level INFO --stats-one-line --stats 30s -P
        "${EXTRA[@]}")
  ((DRY)) && args+=(--dry-run)
  echo; echo "== $s → $base/current/$name $([[ $DRY == 1 ]] && echo '(dry run)')"
  rclone "${args[@]}"
done

echo
if ((DRY)); then
  echo "dry run complete. Summary of planned changes:"
  grep -E "Skipped (copy|delete|move)|NOTICE" "$log" | sed -E 's/.*NOTICE: //' | awk '{print $NF}' | sort | uniq -c | sed 's/^/  /' || true
  echo "full log: $log"
else
  echo "backup complete. log: $log"
  rclone size "$base/current" 2>/dev/null || true
fi
