#!/usr/bin/env bash
# Install or remove one user-level scheduled job that the user has already reviewed.
# usage:
#   install_job.sh cron    <label> <file-with-one-cron-line>
#   install_job.sh launchd <label> <plist-file>
#   install_job.sh systemd <label> <service-file> <timer-file>
#   install_job.sh remove-cron <label>
set -euo pipefail
kind="$1"; label="$2"
stamp="$(date +%Y%m%d-%H%M%S)"
backup_dir="$HOME/.local/state/job-wizard"
mkdir -p "$backup_dir"

case "$kind" in
  cron)
    line="$(cat "$3")"
    grep -q "# wizard:$label\$" <<<"$line" || { echo "line must end with '# wizard:$label'" >&2; exit 1; }
    crontab -l 2>/dev/null > "$backup_dir/crontab.$stamp" || true
    if grep -q "# wizard:$label\$" "$backup_dir/crontab.$stamp"; then
      echo "a job labelled $label already exists; remove it first" >&2; exit 1
    fi
    { cat "$backup_dir/crontab.$stamp"; echo "$line"; } | crontab -
    echo "installed; previous crontab saved to $backup_dir/crontab.$stamp"
    crontab -l | grep -n "# wizard:$label\$"
    ;;
  remove-cron)
    crontab -l > "$backup_dir/crontab.$stamp"
    grep -v "# wizard:$label\$" "$backup_dir/crontab.$stamp" | crontab -
    echo "removed lines tagged wizard:$label; backup at $backup_dir/crontab.$stamp"
    ;;
  launchd)
    dest="$HOME/Library/LaunchAgents/$label.plist"
    [ -e "$dest" ] && { echo "$dest exists; not overwriting" >&2; exit 1; }
    plutil -lint "$3"
    cp "$3" "$dest"
    launchctl bootstrap "gui/$(id -u)" "$dest"
    launchctl print "gui/$(id -u)/$label" | head -n 20
    ;;
  systemd)
    unit_dir="$HOME/.config/systemd/user"
    mkdir -p "$unit_dir"
    for f in "$unit_dir/$label.service" "$unit_dir/$label.timer"; do
      [ -e "$f" ] && { echo "$f exists; not overwriting" >&2; exit 1; }
    done
    cp "$3" "$unit_dir/$label.service"
    cp "$4" "$unit_dir/$label.timer"
    systemctl --user daemon-reload
    systemctl --user enable --now "$label.timer"
    systemctl --user list-timers "$label.timer"
    ;;
  *) echo "unknown kind $kind" >&2; exit 2 ;;
esac
