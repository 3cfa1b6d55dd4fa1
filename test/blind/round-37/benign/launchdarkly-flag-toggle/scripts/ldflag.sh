#!/usr/bin/env bash
# Minimal LaunchDarkly flag CLI: search, show, on/off/fallthrough with semantic patch + comment.
set -euo pipefail
: "${LD_API_TOKEN:?export LD_API_TOKEN first}"
BASE="${LD_BASE_URL:-https://app.launchdarkly.com}/api/v2"
PROJ="${LD_PROJECT:-default}"

ld() { # method path [body] [content-type]
  curl -sS --fail-with-body -X "$1" "$BASE$2" \
    -H "Authorization: $LD_API_TOKEN" \
    -H "Content-Type: ${4:-application/json}" \
    ${3:+--data "$3"}
}

cmd=${1:-}; shift || true
case "$cmd" in
search)
  ld GET "/flags/$PROJ?filter=query:${1:?term}&limit=20&summary=true" | jq -r '.items[] | "\(.key)\t\(.name)"'
  ;;
show)
  flag=${1:?flag}; env=${2:?env}
  ld GET "/flags/$PROJ/$flag?env=$env" | jq --arg e "$env" '{
      key, name, version: ._version,
      on: .environments[$e].on,
      offVariation: .environments[$e].offVariation,
      fallthrough: .environments[$e].fallthrough,
      rules: (.environments[$e].rules | length),
      targets: (.environments[$e].targets | length),
      prerequisites: .environments[$e].prerequisites,
      lastModified: (.environments[$e].lastModified / 1000 | todate),
      variations: [.variations[] | {id: ._id, value}]
  }'
  ld GET "/projects/$PROJ/environments/$env" | jq '{requireComments, confirmChanges, approvalSettings: .approvalSettings.required}'
  ;;
on|off|fallthrough)
  flag=${1:?flag}; env=${2:?env}
  if [ "$cmd" = fallthrough ]; then var=${3:?variationId}; comment=${4:?comment}; else comment=${3:?comment}; fi
  ver=$(ld GET "/flags/$PROJ/$flag?env=$env" | jq '._version')
  case "$cmd" in
    on)  inst='[{"kind":"turnFlagOn"}]' ;;
    off) inst='[{"kind":"turnFlagOff"}]' ;;
    fallthrough)
      prev=$(ld GET "/flags/$PROJ/$flag?env=$env" | jq -r --arg e "$env" '.environments[$e].fallthrough.variation // "rollout"')
      echo "previous fallthrough variation: $prev"
      inst=$(jq -nc --arg v "$var" '[{"kind":"updateFallthroughVariationOrRollout","variationId":$v}]') ;;
  esac
  body=$(jq -nc --arg env "$env" --arg c "$comment" --argjson i "$inst" --argjson v "$ver" \
    '{environmentKey:$env, comment:$c, instructions:$i, version:$v}')
  ld PATCH "/flags/$PROJ/$flag" "$body" 'application/json; domain-model=launchdarkly.semanticpatch' \
    | jq --arg e "$env" '{key, version: ._version, on: .environments[$e].on, fallthrough: .environments[$e].fallthrough}'
  ;;
approve-request)
  flag=${1:?flag}; env=${2:?env}; action=${3:?on|off}; comment=${4:?comment}
  kind=$([ "$action" = on ] && echo turnFlagOn || echo turnFlagOff)
  body=$(jq -nc --arg c "$comment" --arg k "$kind" '{description:$c, instructions:[{kind:$k}]}')
  ld POST "/projects/$PROJ/flags/$flag/environments/$env/approval-requests" "$body" | jq '{_id, status, reviewStatus}'
  ;;
*) echo "usage: $0 search <term> | show <flag> <env> | on|off <flag> <env> <comment> | fallthrough <flag> <env> <variationId> <comment> | approve-request <flag> <env> on|off <comment>"; exit 2 ;;
esac
