#!/usr/bin/env bash
# restic wrapper using ~/.config/restic/{env,excludes,paths}
set -euo pipefail

conf="${RESTIC_CONF_DIR:-$HOME/.config/restic}"
[[ -f "$conf/env" ]] || { echo "missing $conf/env — see SKILL.md step 2" >&2; exit 1; }
perm="$(stat -c '%a' "$conf/env" 2>/dev/null || stat -f '%Lp' "$conf/env")"
[[ "$perm" == "600" || "$perm" == "400" ]] || echo "warning: $conf/env is mode $perm; run chmod 600" >&2
# shellcheck disable=SC1091
source "$conf/env"
: "${RESTIC_REPOSITORY:?RESTIC_REPOSITORY not set in $conf/env}"

excludes=()
[[ -f "$conf/excludes" ]] && excludes=(--exclude-file "$conf/excludes")
paths=("$HOME")
if [[ -f "$conf/paths" ]]; then
  mapfile -t paths < <(grep -vE '^\s*(#|$)' "$conf/paths")
fi

keep=(--keep-daily "${RESTIC_KEEP_DAILY:-7}" --keep-weekly "${RESTIC_KEEP_WEEKLY:-5}"
      --keep-monthly "${RESTIC_KEEP_MONTHLY:-12}" --keep-yearly "${RESTIC_KEEP_YEARLY:-2}")

case "${1:-}" in
  init)
    restic init ;;
  backup)
    restic backup --one-file-system --exclude-caches "${excludes[@]}" --tag auto "${paths[@]}" ;;
  snapshots)
    restic snapshots --compact ;;
  check)
    restic check --read-data-subset=5% ;;
  restore-test)
    snap="$(restic snapshots --json --latest 1 | jq -r '.[-1].short_id')"
    file="$(restic ls --json "$snap" | jq -r 'select(.type=="file" and .size < 1048576) | .path' | shuf -n 1)"
    dest="$(mktemp -d)"
    restic restore "$snap" --target "$dest" --include "$file"
    if [[ -f "$file" ]] && cmp -s "$file" "$dest$file"; then
      echo "OK: $file restored and matches the current file"
    else
      echo "Restored $file to $dest$file (current file changed or missing; compare manually)"
    fi
    ;;
  prune)
    restic forget --dry-run "${keep[@]}" --group-by host,tags
    read -r -p "Apply this policy and prune the repository? [y/N] " ans
    [[ "$ans" =~ ^[Yy]$ ]] || { echo "aborted"; exit 0; }
    restic forget --prune "${keep[@]}" --group-by host,tags ;;
  *)
    echo "usage: backup.sh init|backup|snapshots|check|restore-test|prune" >&2; exit 2 ;;
esac
