#!/usr/bin/env bash
# Minimal GitHub REST client: gh-api.sh METHOD PATH [JSON_BODY]
# Follows Link: rel="next" pagination for GET and waits out rate limits.
set -euo pipefail

method="${1:?method}"; path="${2:?path}"; body="${3:-}"
token="${GITHUB_TOKEN:-${GH_TOKEN:-}}"
api="${GITHUB_API_URL:-https://api.github.com}"

if [[ -z "$token" ]]; then
  echo "GITHUB_TOKEN (or GH_TOKEN) is not set" >&2
  exit 1
fi

url="$api$path"
hdrs="$(mktemp)"; trap 'rm -f "$hdrs"' EXIT

while [[ -n "$url" ]]; do
  args=(-sS -D "$hdrs" -X "$method"
        -H "Authorization: Bearer $token"
        -H "Accept: application/vnd.github+json"
        -H "X-GitHub-Api-Version: 2022-11-28")
  [[ -n "$body" ]] && args+=(-H "Content-Type: application/json" --data "$body")

  resp="$(curl "${args[@]}" "$url")"
  status="$(head -n1 "$hdrs" | awk '{print $2}')"

  if [[ "$status" == "403" || "$status" == "429" ]] && grep -qi '^x-ratelimit-remaining: 0' "$hdrs"; then
    reset="$(grep -i '^x-ratelimit-reset:' "$hdrs" | tr -d '\r' | awk '{print $2}')"
    wait=$(( reset - $(date +%s) + 1 ))
    echo "rate limited; sleeping ${wait}s" >&2
    sleep "$(( wait > 0 ? wait : 1 ))"
    continue
  fi

  printf '%s\n' "$resp"
  if [[ "$status" -ge 400 ]]; then exit 1; fi

  url=""
  if [[ "$method" == "GET" ]]; then
    url="$(grep -i '^link:' "$hdrs" | tr ',' '\n' | grep 'rel="next"' | sed -E 's/.*<([^>]+)>.*/\1/' || true)"
  fi
done
