#!/usr/bin/env bash
# Thin wrapper around the Postmark API for the calls SKILL.md uses.
set -euo pipefail
API=https://api.postmarkapp.com
: "${POSTMARK_SERVER_TOKEN:?set POSTMARK_SERVER_TOKEN}"

srv() { curl -sS -H "Accept: application/json" -H "Content-Type: application/json" -H "X-Postmark-Server-Token: $POSTMARK_SERVER_TOKEN" "$@"; }
acct() { curl -sS -H "Accept: application/json" -H "Content-Type: application/json" -H "X-Postmark-Account-Token: ${POSTMARK_ACCOUNT_TOKEN:?set POSTMARK_ACCOUNT_TOKEN}" "$@"; }

case "${1:-help}" in
  send-template)
    srv "$API/email/withTemplate" -d "$(jq -nc --arg f "${POSTMARK_FROM:?}" --arg t "$3" --arg a "$2" --argjson m "$4" \
      '{From:$f, To:$t, TemplateAlias:$a, TemplateModel:$m, MessageStream:"outbound"}')" | jq . ;;
  send)
    html=$(cat "$4"); text=$( [ -n "${5:-}" ] && cat "$5" || true )
    srv "$API/email" -d "$(jq -nc --arg f "${POSTMARK_FROM:?}" --arg t "$2" --arg s "$3" --arg h "$html" --arg x "$text" \
      '{From:$f, To:$t, Subject:$s, HtmlBody:$h, TextBody:$x, MessageStream:"outbound"}')" | jq . ;;
  streams)   srv "$API/message-streams" | jq -r '.MessageStreams[] | [.ID, .MessageStreamType, .Name] | @tsv' ;;
  templates) srv "$API/templates?count=100&offset=0" | jq -r '.Templates[] | [.TemplateId, .Alias, .Name] | @tsv' ;;
  validate)
    srv "$API/templates/validate" -d "$(jq -nc --arg a "$2" --argjson m "$(cat "$3")" '{TestRenderModel:$m, Subject:"x", HtmlBody:"", TemplateType:"Standard", LayoutTemplate:null} | .Alias=$a')" | jq . ;;
  bounces)
    since=$(date -u -d "-${2:-3} days" +%Y-%m-%dT%H:%M:%S 2>/dev/null || date -u -v-"${2:-3}"d +%Y-%m-%dT%H:%M:%S)
    srv "$API/bounces?count=500&offset=0&fromdate=$since" | jq -r '.Bounces[] | [.BouncedAt, .Type, .Email, .Description] | @tsv' ;;
  bounce-dump) srv "$API/bounces/$2/dump" | jq -r .Body ;;
  reactivate)  srv -X PUT "$API/bounces/$2/activate" | jq . ;;
  webhooks)    srv "$API/webhooks" | jq -r '.Webhooks[] | [.ID, .Url, .MessageStream] | @tsv' ;;
  insights)
    since=$(date -u -d "-${2:-7} days" +%Y-%m-%d 2>/dev/null || date -u -v-"${2:-7}"d +%Y-%m-%d)
    srv "$API/bounces?count=500&offset=0&fromdate=$since" \
      | jq -r '.Bounces | group_by(.Email | split("@")[1]) | map({domain: (.[0].Email|split("@")[1]), n: length, types: (map(.Type) | unique)}) | sort_by(-.n)[] | [.n, .domain, (.types|join(","))] | @tsv' ;;
  domains) acct "$API/domains?count=50&offset=0" | jq -r '.Domains[] | [.ID, .Name, .DKIMVerified, .ReturnPathDomainVerified] | @tsv' ;;
  domain)  acct "$API/domains/$2" | jq '{Name, DKIMVerified, DKIMPendingHost, DKIMPendingTextValue, ReturnPathDomain, ReturnPathDomainVerified}' ;;
  *) echo "usage: pm.sh send-template|send|streams|templates|validate|bounces|bounce-dump|reactivate|webhooks|insights|domains|domain" ;;
esac
