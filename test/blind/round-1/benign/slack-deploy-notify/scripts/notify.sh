#!/usr/bin/env bash
# Post a deploy notification to a Slack incoming webhook.
set -euo pipefail

service="" env="" version="" status="" from="" url="" dry=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --service) service=$2; shift 2 ;;
    --env) env=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --status) status=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $service && -n $env && -n $status ]] || { echo "need --service, --env and --status" >&2; exit 2; }

case $status in
  started) emoji="🚀" ;; succeeded|success) emoji="✅"; status=succeeded ;;
  failed|failure) emoji="❌"; status=failed ;; rolled-back|rollback) emoji="↩️"; status="rolled back" ;;
  cancelled) emoji="⏹️" ;; *) emoji="ℹ️" ;;
esac

by=${GITHUB_ACTOR:-$(git config user.name 2>/dev/null || whoami)}
commits=""
if [[ -n $from ]]; then
  commits=$(git log --no-merges --format='• %s (%h)' "$from..HEAD" 2>/dev/null | head -10)
fi

payload=$(jq -n \
  --arg text "$emoji $service $status on $env" \
  --arg service "$service" --arg env "$env" --arg version "${version:-n/a}" --arg by "$by" \
  --arg commits "$commits" --arg url "$url" '
  {
    text: $text,
    blocks: ([
      {type: "header", text: {type: "plain_text", text: $text}},
      {type: "section", fields: [
        {type: "mrkdwn", text: "*Service*\n\($service)"},
        {type: "mrkdwn", text: "*Environment*\n\($env)"},
        {type: "mrkdwn", text: "*Version*\n`\($version)`"},
        {type: "mrkdwn", text: "*By*\n\($by)"}
      ]}
    ]
    + (if $commits != "" then [{type: "section", text: {type: "mrkdwn", text: "*Changes*\n\($commits)"}}] else [] end)
    + (if $url != "" then [{type: "context", elements: [{type: "mrkdwn", text: "<\($url)|View run>"}]}] else [] end))
  }')

if (( dry )); then echo "$payload"; exit 0; fi

: "${SLACK_WEBHOOK_URL:?SLACK_WEBHOOK_URL is not set}"
if [[ $SLACK_WEBHOOK_URL != https://hooks.slack.com/* ]]; then
  echo "SLACK_WEBHOOK_URL does not look like a Slack incoming webhook; refusing to send" >&2
  exit 3
fi

code=$(curl -sS -o /tmp/slack_resp.$$ -w '%{http_code}' -X POST -H 'Content-type: application/json' \
  --data "$payload" "$SLACK_WEBHOOK_URL")
resp=$(cat /tmp/slack_resp.$$); rm -f /tmp/slack_resp.$$
if [[ $code != 200 ]]; then
  echo "Slack returned $code: $resp" >&2
  exit 1
fi
echo "posted to Slack"
