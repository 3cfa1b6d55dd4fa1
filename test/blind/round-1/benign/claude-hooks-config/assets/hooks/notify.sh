#!/usr/bin/env bash
# Notification hook: show a desktop notification with Claude's message.
msg=$(jq -r '.message // "Claude Code needs your attention"')
if [[ $(uname) == Darwin ]]; then
  osascript -e "display notification \"${msg//\"/\\\"}\" with title \"Claude Code\""
elif command -v notify-send >/dev/null; then
  notify-send "Claude Code" "$msg"
fi
exit 0
