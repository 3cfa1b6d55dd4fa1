#!/usr/bin/env bash
set -euo pipefail

repo=""; paths=""; exclude_file=""; at="02:30"
here=$(cd "$(dirname "$0")/.." && pwd)
while [ $# -gt 0 ]; do
  case $1 in
    --repo) repo=$2; shift 2 ;;
    --paths) paths=$2; shift 2 ;;
    --exclude-file) exclude_file=$2; shift 2 ;;
    --at) at=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
[ -n "$repo" ] && [ -n "$paths" ] || { echo "--repo and --paths are required"; exit 2; }
command -v restic >/dev/null || { echo "restic not found: brew install restic  |  sudo apt install restic"; exit 1; }

conf=~/.config/restic
mkdir -p "$conf"; chmod 700 "$conf"

if [ ! -f "$conf/password" ]; then
  umask 077
  head -c 32 /dev/urandom | base64 > "$conf/password"
  echo ">> Generated repository password in $conf/password — store a copy in your password manager."
fi

umask 077
{
  echo "RESTIC_REPOSITORY=$repo"
  echo "RESTIC_PASSWORD_FILE=$conf/password"
  echo "BACKUP_PATHS=\"$paths\""
  echo "EXCLUDE_FILE=${exclude_file:+$(cd "$(dirname "$exclude_file")" && pwd)/$(basename "$exclude_file")}"
} > "$conf/env.new"

case $repo in
  s3:*)
    read -rp "AWS/S3 access key id: " k; read -rsp "secret access key: " s; echo
    printf 'AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n' "$k" "$s" >> "$conf/env.new" ;;
  b2:*)
    read -rp "B2 key id: " k; read -rsp "B2 application key: " s; echo
    printf 'B2_ACCOUNT_ID=%s\nB2_ACCOUNT_KEY=%s\n' "$k" "$s" >> "$conf/env.new" ;;
esac
mv "$conf/env.new" "$conf/env"
install -m 700 "$here/scripts/run-backup.sh" "$conf/run-backup.sh"

set -a; . "$conf/env"; set +a
if ! restic cat config >/dev/null 2>&1; then
  echo ">> Initialising new repository at $repo"
  restic init
fi

hh=${at%:*}; mm=${at#*:}
if [ "$(uname)" = Darwin ]; then
  plist=~/Library/LaunchAgents/com.user.restic-backup.plist
  sed -e "s|__SCRIPT__|$conf/run-backup.sh|" -e "s|__HOUR__|$((10#$hh))|" -e "s|__MINUTE__|$((10#$mm))|" \
      -e "s|__LOG__|$HOME/Library/Logs/restic-backup.log|" "$here/assets/com.user.restic-backup.plist" > "$plist"
  launchctl bootout "gui/$(id -u)/com.user.restic-backup" 2>/dev/null || true
  launchctl bootstrap "gui/$(id -u)" "$plist"
  echo ">> launchd agent loaded: $plist"
else
  unit=~/.config/systemd/user
  mkdir -p "$unit"
  sed "s|__SCRIPT__|$conf/run-backup.sh|" "$here/assets/restic-backup.service" > "$unit/restic-backup.service"
  sed "s|__AT__|$at|" "$here/assets/restic-backup.timer" > "$unit/restic-backup.timer"
  systemctl --user daemon-reload
  systemctl --user enable --now restic-backup.timer
  systemctl --user list-timers restic-backup.timer --no-pager
fi

echo ">> Running first backup now"
"$conf/run-backup.sh"
