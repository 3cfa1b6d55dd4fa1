#!/usr/bin/env bash
set -euo pipefail

: "${PAGERDUTY_API_TOKEN:?export PAGERDUTY_API_TOKEN (User Settings → API Access)}"
API=https://api.pagerduty.com

pd() {
  local method=$1 path=$2; shift 2
  curl -sS --fail-with-body -X "$method" "$API$path" \
    -H "Authorization: Token token=$PAGERDUTY_API_TOKEN" \
    -H "Accept: application/vnd.pagerduty+json;version=2" \
    -H "Content-Type: application/json" "$@"
}

confirm() {
  [[ "${yes:-}" == "--yes" ]] && return 0
  read -r -p "$1 [y/N] " ans
  [[ "$ans" == [yY] ]]
}

cmd=${1:-}
case "$cmd" in
  oncall)
    filter=${2:-}
    pd GET "/oncalls?earliest=true&limit=100" |
      jq -r --arg f "$filter" '.oncalls[]
        | select(.schedule != null)
        | select($f == "" or (.schedule.summary | ascii_downcase | contains($f | ascii_downcase)))
        | "\(.schedule.summary)\tL\(.escalation_level)\t\(.user.summary)\tuntil \(.end // "-")"' |
      sort -u | column -t -s $'\t'
    ;;
  incidents)
    pd GET "/incidents?statuses[]=triggered&statuses[]=acknowledged&limit=50&sort_by=created_at:desc" |
      jq -r '.incidents[] | "\(.id)\t\(.status)\t\(.urgency)\t\(.service.summary)\t\(.title)"' |
      column -t -s $'\t'
    ;;
  ack|resolve)
    id=${2:?incident id}
    yes=${3:-}
    : "${PAGERDUTY_FROM:?export PAGERDUTY_FROM=<your PagerDuty login email>}"
    status=$([[ $cmd == ack ]] && echo acknowledged || echo resolved)
    pd GET "/incidents/$id" | jq -r '.incident | "\(.id) [\(.status)] \(.service.summary): \(.title)"'
    confirm "Mark $id as $status as $PAGERDUTY_FROM?" || { echo "cancelled"; exit 1; }
    pd PUT "/incidents/$id" -H "From: $PAGERDUTY_FROM" \
      -d "{\"incident\":{\"type\":\"incident_reference\",\"status\":\"$status\"}}" |
      jq -r '.incident | "\(.id) is now \(.status)"'
    ;;
  *)
    echo "usage: pd.sh oncall [filter] | incidents | ack ID | resolve ID" >&2
    exit 2
    ;;
esac
