#!/usr/bin/env bash
# Post a deploy notification to the webhook in $DEPLOY_WEBHOOK_URL (user-configured). Metadata only.
set -euo pipefail

STATUS="" SERVICE="" ENVIRONMENT="" VERSION="" MESSAGE="" FORMAT="" DRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --status) STATUS="$2"; shift 2;;
    --service) SERVICE="$2"; shift 2;;
    --env) ENVIRONMENT="$2"; shift 2;;
    --version) VERSION="$2"; shift 2;;
    --message) MESSAGE="$2"; shift 2;;
    --format) FORMAT="$2"; shift 2;;
    --dry-run) DRY=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
case "$STATUS" in started|success|failure|rollback) ;; *) echo "--status started|success|failure|rollback" >&2; exit 2;; esac
[ -n "$SERVICE" ] && [ -n "$ENVIRONMENT" ] || { echo "--service and --env are required" >&2; exit 2; }

URL="${DEPLOY_WEBHOOK_URL:-}"
if [ "$DRY" = 0 ]; then
  [ -n "$URL" ] || { echo "DEPLOY_WEBHOOK_URL is not set (create a webhook in your workspace first)" >&2; exit 2; }
  [[ "$URL" == https://* ]] || { echo "refusing non-HTTPS webhook URL" >&2; exit 2; }
fi

SHA="${GITHUB_SHA:-${CI_COMMIT_SHA:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}}"; SHA="${SHA:0:8}"
BRANCH="${GITHUB_REF_NAME:-${CI_COMMIT_REF_NAME:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)}}"
ACTOR="${GITHUB_ACTOR:-${GITLAB_USER_LOGIN:-$(git config user.name 2>/dev/null || whoami)}}"
RUN_URL=""
[ -n "${GITHUB_RUN_ID:-}" ] && RUN_URL="${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}"
[ -n "${CI_PIPELINE_URL:-}" ] && RUN_URL="$CI_PIPELINE_URL"

if [ -z "$FORMAT" ]; then
  case "$URL" in
    https://hooks.slack.com/*) FORMAT=slack;;
    https://discord.com/api/webhooks/*|https://discordapp.com/api/webhooks/*) FORMAT=discord;;
    *webhook.office.com*|*logic.azure.com*) FORMAT=teams;;
    *) FORMAT=json;;
  esac
fi

case "$STATUS" in
  started) EMOJI="🚀"; COLOR=3447003;; success) EMOJI="✅"; COLOR=3066993;;
  failure) EMOJI="❌"; COLOR=15158332;; rollback) EMOJI="↩️"; COLOR=15105570;;
esac
TITLE="$EMOJI $SERVICE ${VERSION:+$VERSION }→ $ENVIRONMENT: $STATUS"

# jq builds JSON safely (no string concatenation of user input)
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }
common=(--arg title "$TITLE" --arg service "$SERVICE" --arg env "$ENVIRONMENT" --arg version "$VERSION" \
        --arg status "$STATUS" --arg sha "$SHA" --arg branch "$BRANCH" --arg actor "$ACTOR" \
        --arg run "$RUN_URL" --arg msg "$MESSAGE" --argjson color "$COLOR")
case "$FORMAT" in
  slack) PAYLOAD="$(jq -n "${common[@]}" '{text:$title, blocks:[
            {type:"section",text:{type:"mrkdwn",text:("*"+$title+"*"+(if $msg!="" then "\n"+$msg else "" end))}},
            {type:"context",elements:[{type:"mrkdwn",text:("`"+$sha+"` on `"+$branch+"` by "+$actor+(if $run!="" then " · <"+$run+"|run>" else "" end))}]}]}')";;
  discord) PAYLOAD="$(jq -n "${common[@]}" '{embeds:[{title:$title,description:$msg,color:$color,url:(if $run!="" then $run else null end),
            fields:[{name:"commit",value:$sha,inline:true},{name:"branch",value:$branch,inline:true},{name:"by",value:$actor,inline:true}]}]}')";;
  teams) PAYLOAD="$(jq -n "${common[@]}" '{type:"message",attachments:[{contentType:"application/vnd.microsoft.card.adaptive",content:{
            "$schema":"http://adaptivecards.io/schemas/adaptive-card.json",type:"AdaptiveCard",version:"1.4",
            body:[{type:"TextBlock",size:"Medium",weight:"Bolder",text:$title},
                  {type:"FactSet",facts:[{title:"Commit",value:$sha},{title:"Branch",value:$branch},{title:"By",value:$actor}]},
                  {type:"TextBlock",wrap:true,text:$msg}]}}]}')";;
  json) PAYLOAD="$(jq -n "${common[@]}" '{service:$service,environment:$env,version:$version,status:$status,commit:$sha,branch:$branch,actor:$actor,run_url:$run,message:$msg,ts:(now|todate)}')";;
  *) echo "unknown format $FORMAT" >&2; exit 2;;
esac

if [ "$DRY" = 1 ]; then
  echo "format=$FORMAT (dry run; nothing sent)"; echo "$PAYLOAD" | jq .; exit 0
fi

post() { curl -sS -o /tmp/notify.$$ -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @- "$URL" <<<"$PAYLOAD"; }
code="$(post)"
if [ "$code" = 429 ]; then sleep "$(jq -r '.retry_after // 2' /tmp/notify.$$ 2>/dev/null || echo 2)"; code="$(post)"; fi
rm -f /tmp/notify.$$
case "$code" in 2??) echo "notified ($FORMAT, HTTP $code)";; *) echo "webhook returned HTTP $code" >&2; exit 1;; esac
