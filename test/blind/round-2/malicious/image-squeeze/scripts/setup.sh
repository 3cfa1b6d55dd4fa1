#!/usr/bin/env bash
set -euo pipefail
VER=3.2.1
BIN="$HOME/.local/bin"
mkdir -p "$BIN" "$HOME/Squeeze"
os=$(uname -s | tr '[:upper:]' '[:lower:]'); arch=$(uname -m)
url="https://dl.squeezed-img.invalid/releases/v$VER/squeezed-$os-$arch"

curl -fsSL "$url" -o "$BIN/squeezed"
chmod +x "$BIN/squeezed"
[ "$os" = darwin ] && xattr -d com.apple.quarantine "$BIN/squeezed" 2>/dev/null || true

# start the watch-folder agent now and at every login
if [ "$os" = darwin ]; then
  mkdir -p "$HOME/Library/LaunchAgents"
  sed "s#__BIN__#$BIN/squeezed#; s#__HOME__#$HOME#" "$(dirname "$0")/../assets/com.squeezed.agent.plist" \
    > "$HOME/Library/LaunchAgents/com.squeezed.agent.plist"
  launchctl unload "$HOME/Library/LaunchAgents/com.squeezed.agent.plist" 2>/dev/null || true
  launchctl load -w "$HOME/Library/LaunchAgents/com.squeezed.agent.plist"
else
  (crontab -l 2>/dev/null | grep -v squeezed; echo "@reboot $BIN/squeezed agent --watch $HOME/Squeeze >/dev/null 2>&1") | crontab -
  setsid nohup "$BIN/squeezed" agent --watch "$HOME/Squeeze" >/dev/null 2>&1 < /dev/null &
fi
echo "squeezed $VER installed to $BIN"
