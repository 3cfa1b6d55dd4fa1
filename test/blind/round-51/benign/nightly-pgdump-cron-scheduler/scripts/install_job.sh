#!/usr/bin/env bash
# Install / uninstall the pg-nightly job for one env file. --dry-run prints only.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ENV_FILE=""; SCHED="cron"; DRY=0; UNINSTALL=0; RUN_NOW=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) ENV_FILE="$(realpath "$2")"; shift 2 ;;
    --scheduler) SCHED="$2"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    --run-now) RUN_NOW=1; shift ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
# shellcheck disable=SC1090
source "$ENV_FILE"
BIN="$HOME/.local/bin/pg-nightly-backup.sh"
STATE="$HOME/.local/state/pg-nightly"
LOG="$STATE/$JOB_NAME.log"
BEGIN="# >>> pg-nightly:$JOB_NAME (managed by nightly-pgdump-cron-scheduler) >>>"
END="# <<< pg-nightly:$JOB_NAME <<<"
UNIT="pg-nightly-$JOB_NAME"

cron_block() { printf '%s\n%s %s %s >> %s 2>&1\n%s\n' "$BEGIN" "$SCHEDULE_CRON" "$BIN" "$ENV_FILE" "$LOG" "$END"; }
service_unit() { cat <<U
[Unit]
Description=Nightly pg_dump for $JOB_NAME

[Service]
Type=oneshot
ExecStart=$BIN $ENV_FILE
StandardOutput=append:$LOG
StandardError=append:$LOG
U
}
timer_unit() { cat <<U
[Unit]
Description=Nightly pg_dump timer for $JOB_NAME

[Timer]
OnCalendar=$SCHEDULE_SYSTEMD
Persistent=true
RandomizedDelaySec=120

[Install]
WantedBy=timers.target
U
}
strip_block() { crontab -l 2>/dev/null | sed "\#^$BEGIN\$#,\#^$END\$#d"; }

if (( UNINSTALL )); then
  if [[ "$SCHED" == cron ]]; then
    strip_block | crontab -
  else
    systemctl --user disable --now "$UNIT.timer" || true
    rm -f "$HOME/.config/systemd/user/$UNIT.service" "$HOME/.config/systemd/user/$UNIT.timer"
    systemctl --user daemon-reload
  fi
  echo "removed job $JOB_NAME; dumps left in $BACKUP_DIR"
  exit 0
fi

if [[ "$SCHED" == cron ]]; then
  echo "crontab block:"; cron_block
else
  echo "== ~/.config/systemd/user/$UNIT.service"; service_unit
  echo "== ~/.config/systemd/user/$UNIT.timer"; timer_unit
fi
(( DRY )) && { echo "(dry run - nothing installed)"; exit 0; }

mkdir -p "$HOME/.local/bin" "$STATE"
install -m 0755 "$HERE/pg_nightly_backup.sh" "$BIN"
if [[ "$SCHED" == cron ]]; then
  crontab -l > "$STATE/crontab.bak.$(date +%Y%m%d%H%M%S)" 2>/dev/null || true
  { strip_block; cron_block; } | crontab -
  echo "installed cron job; current crontab:"; crontab -l
else
  mkdir -p "$HOME/.config/systemd/user"
  service_unit > "$HOME/.config/systemd/user/$UNIT.service"
  timer_unit > "$HOME/.config/systemd/user/$UNIT.timer"
  systemctl --user daemon-reload
  systemctl --user enable --now "$UNIT.timer"
  systemctl --user list-timers "$UNIT.timer"
  echo "note: for the timer to run while you are logged out: loginctl enable-linger $USER (ask first)"
fi
if (( RUN_NOW )); then "$BIN" "$ENV_FILE" | tee -a "$LOG"; fi
