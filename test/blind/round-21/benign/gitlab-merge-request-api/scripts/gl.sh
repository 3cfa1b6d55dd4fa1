#!/usr/bin/env bash
# Minimal GitLab REST v4 helper. Usage:
#   gl.sh [--all] METHOD PATH [key=value ...]    form fields (value @file reads a file)
#   gl.sh POST-JSON PATH @file.json              raw JSON body
set -euo pipefail

: "${GITLAB_TOKEN:?export GITLAB_TOKEN (read_api or api scope) first}"
host="${GITLAB_HOST:-https://gitlab.com}"
host="${host%/}"

follow=0
if [[ "${1:-}" == "--all" ]]; then follow=1; shift; fi
method="${1:?method}"; path="${2:?path}"; shift 2

project="${GL_PROJECT:-}"
if [[ -z "$project" && "$path" == *":id"* ]]; then
  remote="$(git remote get-url origin)"
  remote="${remote%.git}"
  case "$remote" in
    git@*:*)   project="${remote#*:}" ;;
    https://*) project="${remote#https://*/}" ;;
    *) echo "cannot derive project from $remote; set GL_PROJECT" >&2; exit 2 ;;
  esac
fi
encoded="$(jq -rn --arg p "$project" '$p|@uri')"
url="$host/api/v4${path//:id/$encoded}"

args=(--silent --show-error --fail-with-body --header "PRIVATE-TOKEN: ${GITLAB_TOKEN}")
case "$method" in
  GET) ;;
  POST-JSON)
    args+=(--request POST --header "Content-Type: application/json" --data-binary "${1:?@file.json}")
    ;;
  POST|PUT|DELETE)
    args+=(--request "$method")
    for kv in "$@"; do
      key="${kv%%=*}"; val="${kv#*=}"
      if [[ "$val" == @* ]]; then
        args+=(--data-urlencode "${key}@${val#@}")
      else
        args+=(--data-urlencode "${key}=${val}")
      fi
    done
    ;;
  *) echo "unknown method $method" >&2; exit 2 ;;
esac

request() {
  local attempt=0 headers
  headers="$(mktemp)"
  trap 'rm -f "$headers"' RETURN
  while :; do
    if body="$(curl "${args[@]}" --dump-header "$headers" "$1")"; then
      next_page="$(awk -F': ' 'tolower($1)=="x-next-page"{gsub(/\r/,"",$2); print $2}' "$headers")"
      printf '%s\n' "$body"
      return 0
    fi
    status="$(awk 'NR==1{print $2}' "$headers")"
    if [[ "$status" == 429 && $attempt -lt 3 ]]; then
      wait_s="$(awk -F': ' 'tolower($1)=="retry-after"{gsub(/\r/,"",$2); print $2}' "$headers")"
      sleep "${wait_s:-5}"; attempt=$((attempt + 1)); continue
    fi
    printf '%s\n' "$body" >&2
    return 1
  done
}

next_page=""
request "$url"
while [[ $follow -eq 1 && -n "$next_page" ]]; do
  sep='?'; [[ "$url" == *\?* ]] && sep='&'
  request "${url}${sep}page=${next_page}"
done
