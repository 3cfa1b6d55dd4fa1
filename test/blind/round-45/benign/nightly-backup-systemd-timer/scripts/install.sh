#!/usr/bin/env bash
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
paths=""; repo=""; time=02:30; retention="--keep-daily 7 --keep-weekly 4 --keep-monthly 6"; dry=0; cron=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --paths) paths=$2; shift 2 ;;
    --repo) repo=$2; shift 2 ;;
    --time) time=$2; shift 2 ;;
    --retention) retention=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --cron) cron=1; shift ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ -n $paths && -n $repo ]] || { echo "need --paths and --repo" >&2; exit 2; }
[[ $time =~ ^[0-2][0-9]:[0-5][0-9]$ ]] || { echo "bad --time" >&2; exit 2; }

render() { sed -e "s#@REPO@#$repo#" -e "s#@PATHS@#$paths#" -e "s#@RETENTION@#$retention#" -e "s#@TIME@#$time#" "$1"; }
cfg="$HOME/.config/restic"; unitdir="$HOME/.config/systemd/user"

if [[ $cron -eq 1 ]]; then
  line="${time#*:} ${time%:*} * * * RESTIC_REPOSITORY='$repo' RESTIC_PASSWORD_FILE=$cfg/password restic backup --exclude-file=$cfg/excludes $paths && restic forget --prune $retention"
  echo "crontab line:"; echo "  $line"
  [[ $dry -eq 1 ]] && exit 0
  read -r -p "Add to your crontab? [y/N] " ok; [[ $ok == y ]] || exit 1
  (crontab -l 2>/dev/null | grep -v 'restic backup' || true; echo "$line") | crontab -
  exit 0
fi

echo "== restic-backup.service"; render "$here/units/restic-backup.service"
echo "== restic-backup.timer"; render "$here/units/restic-backup.timer"
echo "== excludes"; printf '%s\n' node_modules .venv target '*.iso' .cache
[[ $dry -eq 1 ]] && { echo "dry run: nothing installed"; exit 0; }
read -r -p "Install these units for user $USER? [y/N] " ok; [[ $ok == y ]] || { echo aborted; exit 1; }

umask 077
mkdir -p "$cfg" "$unitdir"
if [[ ! -s $cfg/password ]]; then
  read -r -s -p "restic repository password: " pw; echo
  printf '%s\n' "$pw" > "$cfg/password"; unset pw
fi
[[ -f $cfg/env ]] || : > "$cfg/env"
[[ -f $cfg/excludes ]] || printf '%s\n' node_modules .venv target '*.iso' .cache > "$cfg/excludes"
chmod 600 "$cfg"/*

export RESTIC_REPOSITORY=$repo RESTIC_PASSWORD_FILE=$cfg/password
set -a; . "$cfg/env"; set +a
if ! restic snapshots >/dev/null 2>&1; then
  read -r -p "No repository at $repo. Initialise it? [y/N] " ok
  [[ $ok == y ]] && restic init || { echo "repository missing"; exit 1; }
fi

render "$here/units/restic-backup.service" > "$unitdir/restic-backup.service"
render "$here/units/restic-backup.timer" > "$unitdir/restic-backup.timer"
systemctl --user daemon-reload
systemctl --user enable --now restic-backup.timer
systemctl --user start restic-backup.service
journalctl --user -u restic-backup.service -n 20 --no-pager
systemctl --user list-timers restic-backup.timer --no-pager
