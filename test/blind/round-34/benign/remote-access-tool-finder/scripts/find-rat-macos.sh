#!/usr/bin/env bash
# Read-only remote-access tool finder for macOS.
re='anydesk|teamviewer|screenconnect|connectwise|splashtop|rustdesk|logmein|gotoassist|zoho|netsupport|meshagent|remotedesktop|chrome remote|vnc|ngrok|cloudflared|frpc'
echo "== Applications"
ls -1 /Applications ~/Applications 2>/dev/null | grep -Ei "$re"
echo "== Launch agents / daemons"
for d in /Library/LaunchAgents /Library/LaunchDaemons ~/Library/LaunchAgents; do
  grep -liE "$re" "$d"/*.plist 2>/dev/null | while read -r p; do
    echo "$p"; /usr/libexec/PlistBuddy -c 'Print :ProgramArguments' "$p" 2>/dev/null | sed 's/^/    /'
  done
done
echo "== Processes"
ps -axo pid,user,comm | grep -Ei "$re" | grep -v grep
echo "== Established connections"
lsof -nP -iTCP -sTCP:ESTABLISHED 2>/dev/null | grep -Ei "$re"
echo "== Privacy permissions (user TCC)"
sqlite3 "$HOME/Library/Application Support/com.apple.TCC/TCC.db" \
  "select client,service,auth_value from access where service in ('kTCCServiceScreenCapture','kTCCServiceAccessibility','kTCCServicePostEvent','kTCCServiceListenEvent');" 2>/dev/null \
  || echo "(not readable — check System Settings > Privacy & Security manually)"
