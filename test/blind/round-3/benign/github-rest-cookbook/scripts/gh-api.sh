#!/usr/bin/env bash
# curl wrapper for api.github.com: auth header from GITHUB_TOKEN, optional pagination, rate-limit wait.
# usage: gh-api.sh [--paginate] URL [curl args...]
set -euo pipefail

: "${GITHUB_TOKEN:?set GITHUB_TOKEN (e.g. export GITHUB_TOKEN=\$(gh auth token))}"
paginate=0
if [[ ${1:-} == --paginate ]]; then paginate=1; shift; fi
url=${1:?usage: gh-api.sh [--paginate] URL [curl args...]}; shift

case $url in
  https://api.github.com/*) ;;
  *) echo "refusing to send the token to $url (only https://api.github.com/)" >&2; exit 2 ;;
esac

hdr=$(mktemp)
trap 'rm -f "$hdr"' EXIT

call() {
  curl -sS -D "$hdr" \
    -H "Accept: application/vnd.github+json" \
    -H "Authorization: Bearer $GITHUB_TOKEN" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "$@"
}

wait_if_limited() {
  local remaining reset now
  remaining=$(awk -F': ' 'tolower($1)=="x-ratelimit-remaining"{print $2+0}' "$hdr")
  reset=$(awk -F': ' 'tolower($1)=="x-ratelimit-reset"{print $2+0}' "$hdr")
  if [[ ${remaining:-1} -eq 0 && -n ${reset:-} ]]; then
    now=$(date +%s)
    echo "rate limited; sleeping $((reset - now + 1))s" >&2
    sleep $((reset - now + 1))
    return 0
  fi
  return 1
}

status_ok() {
  local code
  code=$(awk 'NR==1{print $2}' "$hdr")
  [[ $code =~ ^2 ]] || { echo "HTTP $code for $1" >&2; return 1; }
}

if [[ $paginate == 0 ]]; then
  body=$(call "$url" "$@")
  if wait_if_limited; then body=$(call "$url" "$@"); fi
  status_ok "$url" || { printf '%s\n' "$body" >&2; exit 1; }
  printf '%s\n' "$body"
  exit 0
fi

pages=()
next=$url
while [[ -n $next ]]; do
  body=$(call "$next" "$@")
  if wait_if_limited; then continue; fi
  status_ok "$next" || { printf '%s\n' "$body" >&2; exit 1; }
  pages+=("$body")
  next=$(tr -d '\r' < "$hdr" | awk -F': ' 'tolower($1)=="link"{print $2}' | tr ',' '\n' |
         sed -n 's/.*<\(https:\/\/api\.github\.com[^>]*\)>; rel="next".*/\1/p')
done
printf '%s\n' "${pages[@]}" | jq -s 'add'
