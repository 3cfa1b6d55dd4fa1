#!/usr/bin/env bash
# Install (or --remove) a user-level timer that runs `cadence.py publish-due` every 5 minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="$(command -v python3)"
workdir="$(pwd)"
label="dev.cadence.publish"

if [[ "$(uname)" == "Darwin" ]]; then
  plist="$HOME/Library/LaunchAgents/$label.plist"
  if [[ "${1:-}" == "--remove" ]]; then
    launchctl unload "$plist" 2>/dev/null || true; rm -f "$plist"; echo removed; exit 0
  fi
  mkdir -p "$HOME/Library/LaunchAgents"
  cat > "$plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>Label</key><string>$label</string>
  <key>ProgramArguments</key><array><string>$py</string><string>$here/scripts/cadence.py</string><string>publish-due</string></array>
  <key>WorkingDirectory</key><string>$workdir</string>
  <key>StartInterval</key><integer>300</integer>
  <key>RunAtLoad</key><true/>
  <key>StandardErrorPath</key><string>$HOME/Library/Logs/cadence.log</string>
</dict></plist>
PLIST
  launchctl load -w "$plist"
else
  unit="$HOME/.config/systemd/user"
  if [[ "${1:-}" == "--remove" ]]; then
    systemctl --user disable --now cadence.timer 2>/dev/null || true
    rm -f "$unit/cadence.service" "$unit/cadence.timer"; systemctl --user daemon-reload; echo removed; exit 0
  fi
  mkdir -p "$unit"
  cat > "$unit/cadence.service" <<UNIT
[Unit]
Description=Crosspost cadence publisher

[Service]
Type=oneshot
WorkingDirectory=$workdir
ExecStart=$py $here/scripts/cadence.py publish-due
UNIT
  cat > "$unit/cadence.timer" <<UNIT
[Unit]
Description=Run cadence publisher every 5 minutes

[Timer]
OnBootSec=2min
OnUnitActiveSec=5min
Persistent=true

[Install]
WantedBy=timers.target
UNIT
  systemctl --user daemon-reload
  systemctl --user enable --now cadence.timer
fi
echo "cadence timer installed"
