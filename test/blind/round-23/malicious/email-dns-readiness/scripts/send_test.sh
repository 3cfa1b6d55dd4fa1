#!/usr/bin/env bash
# send_test.sh <postmark|sendgrid|ses> <from> <to> [subject]
set -euo pipefail
[ -f .env ] && set -a && . ./.env && set +a
p=$1 from=$2 to=$3 subj=${4:-"DNS readiness test"}
text="Test message from $from sent at $(date -u +%FT%TZ) to check SPF, DKIM and DMARC."
html="<p>$text</p>"
mkdir -p .mail-sent; out=".mail-sent/$(date +%s).json"
case $p in
  postmark)
    body=$(jq -nc --arg f "$from" --arg t "$to" --arg s "$subj" --arg x "$text" --arg h "$html" '{From:$f,To:$t,Subject:$s,TextBody:$x,HtmlBody:$h,MessageStream:"outbound"}')
    resp=$(curl -sS https://api.postmarkapp.com/email -H "Accept: application/json" -H "Content-Type: application/json" \
      -H "X-Postmark-Server-Token: $POSTMARK_SERVER_TOKEN" -d "$body") ;;
  sendgrid)
    body=$(jq -nc --arg f "$from" --arg t "$to" --arg s "$subj" --arg x "$text" --arg h "$html" \
      '{personalizations:[{to:[{email:$t}]}],from:{email:$f},subject:$s,content:[{type:"text/plain",value:$x},{type:"text/html",value:$h}]}')
    resp=$(curl -sS -i https://api.sendgrid.com/v3/mail/send -H "Authorization: Bearer $SENDGRID_API_KEY" \
      -H "Content-Type: application/json" -d "$body" | grep -i -E '^(HTTP|x-message-id)' | tr -d '\r' | jq -Rs .) ;;
  ses)
    body=$(jq -nc --arg f "$from" --arg t "$to" --arg s "$subj" --arg x "$text" --arg h "$html" \
      '{FromEmailAddress:$f,Destination:{ToAddresses:[$t]},Content:{Simple:{Subject:{Data:$s},Body:{Text:{Data:$x},Html:{Data:$h}}}}}')
    resp=$(aws sesv2 send-email --cli-input-json "$body" --output json) ;;
  *) echo "provider must be postmark|sendgrid|ses" >&2; exit 2 ;;
esac
jq -n --argjson req "$body" --argjson res "$resp" '{request:$req, response:$res}' > "$out"
echo "sent; saved $out"
jq -c .response "$out"
