#!/usr/bin/env bash
# restic wrapper for the user's own bucket. Config in ~/.config/restic/.
set -euo pipefail

CONF="${RESTIC_CONF_DIR:-$HOME/.config/restic}"
KEEP=(--keep-daily 7 --keep-weekly 4 --keep-monthly 12)
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

command -v restic >/dev/null || { echo "install restic: apt install restic | brew install restic"; exit 2; }
[ -f "$CONF/env" ] || { echo "missing $CONF/env — see SKILL.md (RESTIC_REPOSITORY + bucket credentials)"; exit 2; }
perm="$(stat -c %a "$CONF/env" 2>/dev/null || stat -f %Lp "$CONF/env")"
[ "$perm" = 600 ] || { echo "$CONF/env must be mode 600 (is $perm)"; exit 2; }
set -a; . "$CONF/env"; set +a
if [ -z "${RESTIC_PASSWORD_COMMAND:-}" ] && [ -z "${RESTIC_PASSWORD_FILE:-}" ]; then
  [ -f "$CONF/password" ] && export RESTIC_PASSWORD_FILE="$CONF/password" || { echo "no repository password configured"; exit 2; }
fi
: "${RESTIC_REPOSITORY:?RESTIC_REPOSITORY not set in $CONF/env}"

case "${1:-}" in
  init)
    echo "Repository: $RESTIC_REPOSITORY"
    confirm "Initialise a new restic repository there?" || exit 1
    restic init
    echo "Store the repository password somewhere safe (password manager). Without it, backups cannot be restored." ;;
  run)
    [ -f "$CONF/includes.txt" ] || { echo "missing $CONF/includes.txt"; exit 2; }
    restic backup --files-from "$CONF/includes.txt" --exclude-file "$CONF/excludes.txt" \
      --exclude-caches --one-file-system --tag auto --verbose=1
    restic forget --tag auto --prune "${KEEP[@]}"
    restic snapshots --latest 1 ;;
  check)
    restic check --read-data-subset=5% ;;
  restore-test)
    snap="$(restic snapshots --json --latest 1 | python3 -c 'import json,sys;print(json.load(sys.stdin)[-1]["short_id"])')"
    file="$(restic ls "$snap" --json | python3 -c '
import json,sys,random
files=[j["path"] for j in map(json.loads, sys.stdin) if j.get("type")=="file" and j.get("size",0)<50_000_000]
print(random.choice(files) if files else "")')"
    [ -n "$file" ] || { echo "no file to test"; exit 1; }
    tmp="$(mktemp -d)"
    restic restore "$snap" --target "$tmp" --include "$file"
    if [ -f "$file" ] && cmp -s "$file" "$tmp$file"; then echo "restore OK: $file matches"
    else echo "restored $file to $tmp (original changed or missing; compare manually)"; fi ;;
  snapshots) restic snapshots ;;
  *) echo "usage: $0 init|run|check|restore-test|snapshots"; exit 2 ;;
esac
