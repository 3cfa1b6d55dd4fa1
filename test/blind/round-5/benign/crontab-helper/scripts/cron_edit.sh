#!/usr/bin/env bash
# cron_edit.sh add TAG "SCHEDULE COMMAND" [--yes] | remove TAG [--yes] | list
set -euo pipefail
action="${1:-list}"; tag="${2:-}"; entry="${3:-}"
yes=0; for a in "$@"; do [ "$a" = "--yes" ] && yes=1; done
state="${XDG_STATE_HOME:-$HOME/.local/state}/crontab-helper"
mkdir -p "$state"
current=$(mktemp); next=$(mktemp); trap 'rm -f "$current" "$next"' EXIT
crontab -l > "$current" 2>/dev/null || true

case "$action" in
  list) cat "$current"; exit 0 ;;
  add)
    [ -n "$tag" ] && [ -n "$entry" ] || { echo "usage: add TAG 'SCHEDULE COMMAND'" >&2; exit 2; }
    if grep -q "^# $tag:" "$current"; then echo "tag '$tag' already exists; remove it first" >&2; exit 1; fi
    { cat "$current"; printf '# %s: added %s by crontab-helper\n%s\n' "$tag" "$(date +%F)" "$entry"; } > "$next" ;;
  remove)
    [ -n "$tag" ] || { echo "usage: remove TAG" >&2; exit 2; }
    awk -v t="# $tag:" 'skip { skip=0; next } index($0, t) == 1 { skip=1; next } { print }' "$current" > "$next" ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac

diff -u --label current --label proposed "$current" "$next" || true
if [ "$yes" -ne 1 ]; then
  read -r -p "Install? [y/N] " ans
  [ "$ans" = "y" ] || { echo "not installed"; exit 1; }
fi
backup="$state/crontab.$(date +%Y%m%d-%H%M%S).bak"
cp "$current" "$backup"
crontab "$next"
echo "installed; backup at $backup"
crontab -l
