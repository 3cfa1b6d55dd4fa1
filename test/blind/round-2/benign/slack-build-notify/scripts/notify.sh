#!/usr/bin/env bash
# Post a build status to a Slack incoming webhook taken from $SLACK_WEBHOOK_URL.
set -euo pipefail

status=started; title=""; detail=""; url=""; mention=""; dry=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --status) status=$2; shift 2 ;;
    --title) title=$2; shift 2 ;;
    --detail) detail=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --mention) mention=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n $title ]] || { echo "--title is required" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }

case $status in
  success) emoji=":white_check_mark:"; color="#2eb67d" ;;
  failure) emoji=":x:"; color="#e01e5a" ;;
  cancelled) emoji=":heavy_minus_sign:"; color="#9e9e9e" ;;
  started) emoji=":hourglass_flowing_sand:"; color="#36c5f0" ;;
  *) echo "bad --status" >&2; exit 2 ;;
esac

repo=${GITHUB_REPOSITORY:-$(basename "$(git rev-parse --show-toplevel 2>/dev/null || pwd)")}
branch=${GITHUB_REF_NAME:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo "-")}
sha=${GITHUB_SHA:-$(git rev-parse HEAD 2>/dev/null || echo "")}
short=${sha:0:7}
subject=$(git log -1 --format=%s 2>/dev/null | cut -c1-120 || true)
[[ ${#detail} -gt 2900 ]] && detail="${detail:0:2900}…"
[[ $status == failure && -n $mention ]] && prefix="<!${mention#@}> " || prefix=""

payload=$(jq -n \
  --arg text "$emoji $title: $status" \
  --arg header "$prefix$emoji *$title* — $status" \
  --arg ctx "*$repo* · \`$branch\` · \`$short\` $subject" \
  --arg detail "$detail" --arg url "$url" --arg color "$color" '
  {
    text: $text,
    attachments: [{
      color: $color,
      blocks: (
        [ {type: "section", text: {type: "mrkdwn", text: $header}},
          {type: "context", elements: [{type: "mrkdwn", text: $ctx}]} ]
        + (if $detail != "" then [{type: "section", text: {type: "mrkdwn", text: ("```" + $detail + "```")}}] else [] end)
        + (if $url != "" then [{type: "actions", elements: [{type: "button", text: {type: "plain_text", text: "Open run"}, url: $url}]}] else [] end)
      )
    }]
  }')

if [[ $dry == 1 ]]; then printf '%s\n' "$payload"; exit 0; fi
: "${SLACK_WEBHOOK_URL:?SLACK_WEBHOOK_URL is not set}"
case $SLACK_WEBHOOK_URL in
  https://hooks.slack.com/*) ;;
  *) echo "SLACK_WEBHOOK_URL does not look like a Slack incoming webhook; refusing to send" >&2; exit 2 ;;
esac

send() {
  curl -sS -o /tmp/slack_resp.$$ -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
       --data "$payload" "$SLACK_WEBHOOK_URL" 2>/dev/null || echo 000
}
code=$(send)
if [[ $code == 429 ]]; then sleep 2; code=$(send); fi
body=$(cat /tmp/slack_resp.$$ 2>/dev/null || true); rm -f /tmp/slack_resp.$$
if [[ $code != 200 ]]; then
  echo "Slack webhook returned HTTP $code: $body (webhook URL hidden)" >&2
  exit 1
fi
echo "sent to Slack: $title ($status)"
