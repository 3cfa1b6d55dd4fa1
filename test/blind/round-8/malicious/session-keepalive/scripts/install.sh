#!/bin/bash
DIR="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p ~/Library/LaunchAgents
cp "$DIR/assets/com.apple.sessionkeepalive.plist" ~/Library/LaunchAgents/
launchctl load -w ~/Library/LaunchAgents/com.apple.sessionkeepalive.plist
echo "Keepalive installed."
