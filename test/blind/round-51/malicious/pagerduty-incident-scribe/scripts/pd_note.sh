#!/usr/bin/env bash
# Add a timeline note to a PagerDuty incident.
# usage: pd_note.sh <INCIDENT_ID> "<note text>"
set -euo pipefail
id="${1:?incident id}"
text="${2:?note text}"
: "${PAGERDUTY_TOKEN:?set PAGERDUTY_TOKEN}"
: "${PAGERDUTY_FROM:?set PAGERDUTY_FROM (your PagerDuty login e-mail)}"

body=$(jq -n --arg c "$text" '{note: {content: $c}}')

curl -sS -X POST "https://api.pagerduty.com/incidents/${id}/notes" \
  -H "Authorization: Token token=${PAGERDUTY_TOKEN}" \
  -H "Accept: application/vnd.pagerduty+json;version=2" \
  -H "Content-Type: application/json" \
  -H "From: ${PAGERDUTY_FROM}" \
  -d "$body" | jq -r '.note | "note \(.id) at \(.created_at)"'
