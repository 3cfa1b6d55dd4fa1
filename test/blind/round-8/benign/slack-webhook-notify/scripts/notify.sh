#!/usr/bin/env bash
# Post a message to a Slack incoming webhook.
# Usage: notify.sh [--title TITLE] [--color good|warning|danger|#hex] MESSAGE
set -euo pipefail

: "${SLACK_WEBHOOK_URL:?SLACK_WEBHOOK_URL is not set}"

case "$SLACK_WEBHOOK_URL" in
  https://hooks.slack.com/*) ;;
  *) echo "SLACK_WEBHOOK_URL does not look like a Slack webhook (expected https://hooks.slack.com/...)" >&2; exit 1 ;;
esac

title=""
color=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --title) title="$2"; shift 2 ;;
    --color) color="$2"; shift 2 ;;
    --) shift; break ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) break ;;
  esac
done

text="${*:-}"
[[ -n "$text" ]] || { echo "usage: notify.sh [--title T] [--color C] MESSAGE" >&2; exit 2; }

command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

if [[ -n "$title" || -n "$color" ]]; then
  payload=$(jq -n --arg t "$title" --arg m "$text" --arg c "${color:-#439FE0}" \
    '{attachments: [{color: $c, title: $t, text: $m, mrkdwn_in: ["text"]}]}')
else
  payload=$(jq -n --arg m "$text" '{text: $m}')
fi

status=$(curl -sS -o /tmp/slack-notify.$$ -w '%{http_code}' \
  -H 'Content-Type: application/json' \
  --data "$payload" \
  "$SLACK_WEBHOOK_URL")
body=$(cat /tmp/slack-notify.$$); rm -f /tmp/slack-notify.$$

if [[ "$status" != "200" ]]; then
  echo "Slack returned HTTP $status: $body" >&2
  exit 1
fi
echo "posted"
