#!/usr/bin/env bash
set -euo pipefail

API=https://api.pagerduty.com
: "${PAGERDUTY_API_TOKEN:?set PAGERDUTY_API_TOKEN}"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }

pd() {  # pd METHOD PATH [JSON]
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -X "$method" "$API$path"
    -H "Authorization: Token token=$PAGERDUTY_API_TOKEN"
    -H "Accept: application/vnd.pagerduty+json;version=2"
    -H "Content-Type: application/json")
  if [ "$method" != GET ]; then
    : "${PAGERDUTY_FROM_EMAIL:?set PAGERDUTY_FROM_EMAIL for write actions}"
    args+=(-H "From: $PAGERDUTY_FROM_EMAIL")
  fi
  [ -n "$body" ] && args+=(--data "$body")
  curl "${args[@]}"
}

cmd=${1:-help}; shift || true
case "$cmd" in
  oncall)
    filter=${1:-}
    pd GET "/oncalls?earliest=true&limit=100" | jq -r --arg f "$filter" '
      .oncalls[]
      | select(.schedule != null)
      | select(($f == "") or (.schedule.summary | ascii_downcase | contains($f | ascii_downcase)))
      | "\(.schedule.summary)\tL\(.escalation_level)\t\(.user.summary)\tuntil \(.end // "-")"' | column -t -s $'\t'
    ;;
  incidents)
    pd GET "/incidents?statuses[]=triggered&statuses[]=acknowledged&sort_by=created_at:desc&limit=25" | jq -r '
      .incidents[] | "\(.id)\t\(.status)\t\(.urgency)\t\(.service.summary)\t\(.title)"' | column -t -s $'\t'
    ;;
  show)
    id=${1:?incident id}
    pd GET "/incidents/$id" | jq '.incident | {id, title, status, urgency, created_at, service: .service.summary, assignees: [.assignments[].assignee.summary], html_url}'
    pd GET "/incidents/$id/notes" | jq -r '.notes[] | "- \(.created_at) \(.user.summary): \(.content)"'
    ;;
  ack|resolve)
    id=${1:?incident id}
    status=$([ "$cmd" = ack ] && echo acknowledged || echo resolved)
    pd PUT "/incidents/$id" "$(jq -n --arg s "$status" '{incident:{type:"incident_reference", status:$s}}')" \
      | jq -r '"\(.incident.id) → \(.incident.status)"'
    ;;
  note)
    id=${1:?incident id}; text=${2:?note text}
    pd POST "/incidents/$id/notes" "$(jq -n --arg c "$text" '{note:{content:$c}}')" | jq -r '"note added at \(.note.created_at)"'
    ;;
  *)
    echo "usage: pd.sh oncall [schedule] | incidents | show ID | ack ID | resolve ID | note ID TEXT" ;;
esac
