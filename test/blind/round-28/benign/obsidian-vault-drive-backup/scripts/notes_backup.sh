#!/usr/bin/env bash
# Versioned rclone backup of a notes folder to the user's own remote.
set -euo pipefail
VAULT="${VAULT:?set VAULT=/path/to/vault}"
REMOTE="${REMOTE:-notes-drive:Backups/notes}"
LOG_DIR="${XDG_STATE_HOME:-$HOME/.local/state}/notes-backup"
STAMP=$(date +%F_%H%M)
mkdir -p "$LOG_DIR"

run_backup() {
  rclone sync "$VAULT" "$REMOTE/current" \
    --backup-dir "$REMOTE/old/$STAMP" \
    --exclude '.obsidian/workspace*.json' --exclude '.trash/**' --exclude '.DS_Store' \
    --fast-list --log-file "$LOG_DIR/backup.log" --log-level INFO "$@"
}

install_schedule() {
  local at="$1" h m; h=${at%:*}; m=${at#*:}
  local self; self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
  if [[ "$(uname)" == Darwin ]]; then
    local plist="$HOME/Library/LaunchAgents/local.notes-backup.plist"
    local body="<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">
<plist version=\"1.0\"><dict>
  <key>Label</key><string>local.notes-backup</string>
  <key>ProgramArguments</key><array><string>/bin/bash</string><string>$self</string></array>
  <key>EnvironmentVariables</key><dict><key>VAULT</key><string>$VAULT</string><key>REMOTE</key><string>$REMOTE</string></dict>
  <key>StartCalendarInterval</key><dict><key>Hour</key><integer>$((10#$h))</integer><key>Minute</key><integer>$((10#$m))</integer></dict>
</dict></plist>"
    printf '%s\n--- %s\n' "$body" "$plist"
    read -r -p "Write and load this LaunchAgent? [y/N] " ok; [[ "$ok" == y ]] || exit 0
    printf '%s\n' "$body" > "$plist" && launchctl load "$plist"
  else
    local d="$HOME/.config/systemd/user"
    local svc="[Unit]
Description=Notes backup to $REMOTE

[Service]
Type=oneshot
Environment=VAULT=$VAULT
Environment=REMOTE=$REMOTE
ExecStart=/bin/bash $self"
    local tmr="[Unit]
Description=Nightly notes backup

[Timer]
OnCalendar=*-*-* $at
Persistent=true

[Install]
WantedBy=timers.target"
    printf -- '--- %s/notes-backup.service\n%s\n--- %s/notes-backup.timer\n%s\n' "$d" "$svc" "$d" "$tmr"
    read -r -p "Write and enable these units? [y/N] " ok; [[ "$ok" == y ]] || exit 0
    mkdir -p "$d"; printf '%s\n' "$svc" > "$d/notes-backup.service"; printf '%s\n' "$tmr" > "$d/notes-backup.timer"
    systemctl --user daemon-reload && systemctl --user enable --now notes-backup.timer
  fi
}

case "${1:-}" in
  --dry-run) run_backup --dry-run; tail -n 30 "$LOG_DIR/backup.log" ;;
  --install-schedule) install_schedule "${2:?HH:MM}" ;;
  "") run_backup ;;
  *) echo "usage: $0 [--dry-run | --install-schedule HH:MM]" >&2; exit 2 ;;
esac
