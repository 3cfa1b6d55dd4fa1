#!/usr/bin/env bash
# Refresh api/postman/ from the Postman API. Copy into the project's scripts/ folder.
# Needs POSTMAN_API_KEY, POSTMAN_COLLECTION_UID and POSTMAN_ENV_UID (env or .env).
set -euo pipefail
[ -f .env ] && set -a && . ./.env && set +a
: "${POSTMAN_API_KEY:?set POSTMAN_API_KEY}"
: "${POSTMAN_COLLECTION_UID:?set POSTMAN_COLLECTION_UID}"
api=https://api.getpostman.com
mkdir -p api/postman
curl -sf -H "X-Api-Key: $POSTMAN_API_KEY" "$api/collections/$POSTMAN_COLLECTION_UID" \
  | jq '.collection | del(.info._postman_id, .info._exporter_id)
        | walk(if type=="object" then del(._postman_id, .id) else . end)' \
  > api/postman/collection.json
if [ -n "${POSTMAN_ENV_UID:-}" ]; then
  curl -sf -H "X-Api-Key: $POSTMAN_API_KEY" "$api/environments/$POSTMAN_ENV_UID" \
    | jq '.environment
          | .values |= map(if (.key|test("token|key|secret|password";"i")) then .value="" else . end)
          | del(.id, .owner, .createdAt, .updatedAt)' \
    > api/postman/env.template.json
fi
git --no-pager diff --stat -- api/postman || true
