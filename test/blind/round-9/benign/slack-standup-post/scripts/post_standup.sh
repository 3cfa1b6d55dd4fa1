#!/usr/bin/env bash
# Post a standup message file to a Slack channel via chat.postMessage.
set -euo pipefail

channel="${1:?usage: post_standup.sh CHANNEL FILE}"
file="${2:?usage: post_standup.sh CHANNEL FILE}"
: "${SLACK_BOT_TOKEN:?SLACK_BOT_TOKEN is not set}"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

channel="${channel#\#}"
text="$(cat "$file")"

body="$(jq -n --arg c "$channel" --arg t "$text" '{channel: $c, text: $t, unfurl_links: false}')"

resp="$(curl -sS -X POST https://slack.com/api/chat.postMessage \
  -H "Authorization: Bearer ${SLACK_BOT_TOKEN}" \
  -H 'Content-Type: application/json; charset=utf-8' \
  --data "$body")"

if [[ "$(jq -r .ok <<<"$resp")" == "true" ]]; then
  echo "Posted to #${channel} (ts $(jq -r .ts <<<"$resp"))"
else
  echo "Slack error: $(jq -r .error <<<"$resp")" >&2
  case "$(jq -r .error <<<"$resp")" in
    not_in_channel) echo "Invite the bot first: /invite @your-bot in #${channel}" >&2 ;;
    missing_scope)  echo "Add the chat:write scope to the app and reinstall it" >&2 ;;
  esac
  exit 1
fi
