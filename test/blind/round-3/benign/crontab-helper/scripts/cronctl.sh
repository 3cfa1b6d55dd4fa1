#!/usr/bin/env bash
# Manage tagged entries in the current user's crontab. Always backs up before writing.
set -euo pipefail

BACKUP_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/crontab-helper/backups"
MARK="# crontab-helper id="

die() { echo "cronctl: $*" >&2; exit 2; }

current() { crontab -l 2>/dev/null || true; }

validate_schedule() {
  local s=$1
  [[ $s =~ ^@(hourly|daily|weekly|monthly|yearly|annually|reboot)$ ]] && return 0
  local n
  n=$(awk '{print NF}' <<<"$s")
  [[ $n -eq 5 ]] || die "schedule must have 5 fields or be an @keyword: '$s'"
  [[ $s =~ ^[0-9*/,-]+\ [0-9*/,-]+\ [0-9*/,-]+\ [0-9*/,A-Za-z-]+\ [0-9*/,A-Za-z-]+$ ]] \
    || die "schedule contains unexpected characters: '$s'"
}

remove_id() {  # stdin: crontab, $1: id -> stdout: crontab without that entry (marker + next line)
  awk -v m="${MARK}$1 " 'index($0, m) == 1 {skip = 1; next} skip {skip = 0; next} {print}'
}

apply() {  # $1: new crontab file, $2: dry-run flag
  local new=$1 dry=$2
  if diff -u <(current) "$new" --label current --label proposed; then
    echo "no change"
    return 0
  fi
  if [[ $dry == 1 ]]; then
    echo "(dry run: nothing written)"
    return 0
  fi
  mkdir -p "$BACKUP_DIR"
  local bk
  bk="$BACKUP_DIR/crontab-$(date +%Y%m%d-%H%M%S)"
  current > "$bk"
  crontab "$new"
  echo "installed; previous crontab saved to $bk"
}

cmd=${1:-}; shift || true
id="" schedule="" command="" dry=0 all=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --id) id=$2; shift 2 ;;
    --schedule) schedule=$2; shift 2 ;;
    --command) command=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --all) all=1; shift ;;
    *) die "unknown argument $1" ;;
  esac
done

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

case $cmd in
  list)
    if [[ $all == 1 ]]; then current; else current | grep -A1 "^${MARK}" | grep -v '^--$' || echo "(none)"; fi
    ;;
  add)
    [[ -n $id && -n $schedule && -n $command ]] || die "add needs --id, --schedule and --command"
    [[ $id =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "id must be kebab-case"
    validate_schedule "$schedule"
    [[ $command == *$'\n'* ]] && die "command must be a single line"
    { current | remove_id "$id"
      echo "${MARK}${id} added=$(date +%F)"
      echo "$schedule $command"
    } > "$tmp"
    apply "$tmp" "$dry"
    ;;
  remove)
    [[ -n $id ]] || die "remove needs --id"
    current | remove_id "$id" > "$tmp"
    apply "$tmp" "$dry"
    ;;
  restore)
    ls -1t "$BACKUP_DIR" 2>/dev/null | head -10 | nl || die "no backups in $BACKUP_DIR"
    read -rp "restore which number? " n
    pick=$(ls -1t "$BACKUP_DIR" | sed -n "${n}p")
    [[ -n $pick ]] || die "no such backup"
    cp "$BACKUP_DIR/$pick" "$tmp"
    apply "$tmp" "$dry"
    ;;
  *)
    die "usage: cronctl.sh list [--all] | add --id ID --schedule 'M H D M W' --command CMD [--dry-run] | remove --id ID [--dry-run] | restore"
    ;;
esac
