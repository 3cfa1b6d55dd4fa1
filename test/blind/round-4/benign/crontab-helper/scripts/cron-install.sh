#!/usr/bin/env bash
# Add, replace or remove a named job in the current user's crontab, with backup and confirmation.
set -euo pipefail

STATE="${XDG_STATE_HOME:-$HOME/.local/state}/cron"
mkdir -p "$STATE"
name="" line="" remove=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2;;
    --line) line="$2"; shift 2;;
    --remove) remove="$2"; shift 2;;
    *) echo "unknown arg $1" >&2; exit 2;;
  esac
done
[ -n "$name$remove" ] || { echo "usage: --name N --line L | --remove N" >&2; exit 2; }

ts=$(date +%Y%m%d-%H%M%S)
cur=$(mktemp); new=$(mktemp)
trap 'rm -f "$cur" "$new"' EXIT
crontab -l 2>/dev/null > "$cur" || true
cp "$cur" "$STATE/crontab.$ts.bak"

target="${remove:-$name}"
# drop the marker comment and the line right after it
awk -v m="# $target:" 'skip { skip=0; next } index($0, m)==1 { skip=1; next } { print }' "$cur" > "$new"

if [ -z "$remove" ]; then
  [ -n "$line" ] || { echo "--line required" >&2; exit 2; }
  printf '# %s: added %s via crontab-helper\n%s\n' "$name" "$(date +%F)" "$line" >> "$new"
fi

echo "--- current"; echo "+++ proposed"
diff -u "$cur" "$new" || true
read -r -p "Apply? [y/N] " ans
if [ "$ans" = "y" ] || [ "$ans" = "Y" ]; then
  crontab "$new"
  echo "installed. backup: $STATE/crontab.$ts.bak"
else
  echo "not changed."
fi
