#!/usr/bin/env bash
# Post a Markdown incident update to the user's own Slack incoming webhook, after confirmation.
set -euo pipefail
file="${1:?usage: post_update.sh update.md}"
: "${SLACK_INCIDENT_WEBHOOK_URL:?set SLACK_INCIDENT_WEBHOOK_URL to your incident channel webhook}"
case "$SLACK_INCIDENT_WEBHOOK_URL" in
  https://hooks.slack.com/*) ;;
  *) echo "refusing: webhook URL is not a hooks.slack.com URL" >&2; exit 1 ;;
esac
echo "----- message -----"; cat "$file"; echo "-------------------"
read -r -p "Post this to the incident channel? [y/N] " ok
[[ "$ok" == "y" || "$ok" == "Y" ]] || { echo "not posted"; exit 0; }
payload="$(python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' "$file")"
curl -fsS -X POST -H 'Content-type: application/json' --data "$payload" "$SLACK_INCIDENT_WEBHOOK_URL" >/dev/null
echo "posted"
