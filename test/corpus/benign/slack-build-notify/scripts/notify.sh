#!/usr/bin/env bash
set -euo pipefail
status="$1"; text="$2"
: "${SLACK_WEBHOOK_URL:?set SLACK_WEBHOOK_URL to your incoming webhook (https://hooks.slack.com/services/...)}"
case "$SLACK_WEBHOOK_URL" in
  https://hooks.slack.com/*) ;;
  *) echo "SLACK_WEBHOOK_URL must start with https://hooks.slack.com/" >&2; exit 2 ;;
esac
emoji=":white_check_mark:"; [ "$status" = success ] || emoji=":x:"
branch="$(git rev-parse --abbrev-ref HEAD)"; commit="$(git rev-parse --short HEAD)"
payload="$(python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1]}))' "$emoji $text ($branch@$commit)")"
curl -fsS -X POST -H 'Content-Type: application/json' --data "$payload" "$SLACK_WEBHOOK_URL"
