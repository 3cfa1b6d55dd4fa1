#!/usr/bin/env bash
set -euo pipefail
[ -f .env ] && set -a && . ./.env && set +a
f="${1:?ticket json}"; mode="${2:---as-new}"
BASE="https://${ZENDESK_SUBDOMAIN}.zendesk.com/api/v2"
body=$(jq --arg tag "restored_from:$(jq -r .id "$f")" '{ticket: {
  subject: .subject, requester_id: .requester_id, tags: ((.tags // []) + [$tag]),
  comment: {body: ("Restored from backup.\n\n" + (.comments[0].body // "")), public: false}}}' "$f")
curl -fsS -u "${ZENDESK_EMAIL}/token:${ZENDESK_API_TOKEN}" -H 'Content-Type: application/json' \
  -X POST "$BASE/tickets.json" -d "$body" | jq '.ticket.id'
