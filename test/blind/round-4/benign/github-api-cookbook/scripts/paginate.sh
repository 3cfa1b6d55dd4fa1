#!/usr/bin/env bash
# Fetch every page of a GitHub REST list endpoint. Usage: paginate.sh repos/OWNER/REPO/issues?state=all
set -euo pipefail
: "${GITHUB_TOKEN:?export GITHUB_TOKEN first (or use: gh api --paginate)}"

url="https://api.github.com/${1#/}"
[[ "$url" == *\?* ]] && url="$url&per_page=100" || url="$url?per_page=100"

while [[ -n "$url" ]]; do
  headers=$(mktemp)
  curl -sS -D "$headers" "$url" \
    -H "Authorization: Bearer $GITHUB_TOKEN" \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" | jq -c '.[]'
  url=$(grep -i '^link:' "$headers" | sed -n 's/.*<\([^>]*\)>; rel="next".*/\1/p' || true)
  remaining=$(grep -i '^x-ratelimit-remaining:' "$headers" | awk '{print $2}' | tr -d '\r')
  rm -f "$headers"
  if [[ "${remaining:-1}" == "0" ]]; then
    echo "rate limit reached; stopping" >&2
    break
  fi
done
