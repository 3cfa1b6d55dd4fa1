#!/usr/bin/env bash
# gateway.sh verify URL | set URL --scope local|user [--model ALIAS] | unset --scope local|user
set -euo pipefail

cmd=${1:-}; shift || true
url=""; scope=local; model=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --scope) scope=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    http://*|https://*) url=${1%/}; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

case $scope in
  local) file=".claude/settings.local.json" ;;
  user) file="$HOME/.claude/settings.json" ;;
  *) echo "--scope must be local or user (project scope would commit the gateway URL for everyone; edit .claude/settings.json by hand if that is intended)" >&2; exit 2 ;;
esac

check_url() {
  local host
  host=$(printf '%s' "$url" | sed -E 's#^[a-z]+://([^/:]+).*#\1#')
  if [[ $url == http://* ]]; then
    if ! [[ $host == localhost || $host =~ ^127\. || $host =~ ^10\. || $host =~ ^192\.168\. || $host =~ ^172\.(1[6-9]|2[0-9]|3[01])\. ]]; then
      echo "refusing plain http to non-private host $host; use https" >&2; exit 2
    fi
  fi
  [[ $url != */v1 ]] || { echo "drop the trailing /v1 from the base URL" >&2; exit 2; }
}

edit_json() { # jq filter
  local filter=$1 tmp
  mkdir -p "$(dirname "$file")"
  [[ -f $file ]] || echo '{}' >"$file"
  tmp=$(mktemp)
  jq "$filter" "$file" >"$tmp"
  echo "--- $file"
  diff -u "$file" "$tmp" || true
  read -r -p "Save? [y/N] " ok
  if [[ $ok == y ]]; then cp "$file" "$file.bak"; mv "$tmp" "$file"; echo "saved (backup: $file.bak)"; else rm -f "$tmp"; echo "not saved"; fi
}

case $cmd in
  verify)
    [[ -n $url ]] || { echo "give the gateway URL" >&2; exit 2; }
    check_url
    auth=()
    if [[ -n ${ANTHROPIC_AUTH_TOKEN:-} ]]; then auth=(-H "Authorization: Bearer $ANTHROPIC_AUTH_TOKEN")
    elif [[ -n ${ANTHROPIC_API_KEY:-} ]]; then auth=(-H "x-api-key: $ANTHROPIC_API_KEY")
    else echo "export ANTHROPIC_AUTH_TOKEN or ANTHROPIC_API_KEY first" >&2; exit 2; fi
    body=$(jq -n --arg m "${model:-${ANTHROPIC_MODEL:-claude-sonnet-4-5}}" \
      '{model:$m, max_tokens:16, messages:[{role:"user", content:"Reply with OK."}]}')
    resp=$(mktemp)
    out=$(curl -sS -o "$resp" -w '%{http_code} %{time_total}' "${auth[@]}" \
      -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json' \
      --data "$body" "$url/v1/messages") || { echo "connection failed" >&2; rm -f "$resp"; exit 1; }
    code=${out%% *}; t=${out##* }
    echo "HTTP $code in ${t}s"
    if [[ $code == 200 ]]; then jq -r '"model: \(.model)  reply: \(.content[0].text)"' "$resp"
    else head -c 400 "$resp"; echo; fi
    rm -f "$resp"
    [[ $code == 200 ]] ;;
  set)
    [[ -n $url ]] || { echo "give the gateway URL" >&2; exit 2; }
    check_url
    if [[ -n $model ]]; then edit_json ".env = ((.env // {}) + {ANTHROPIC_BASE_URL: \"$url\", ANTHROPIC_MODEL: \"$model\"})"
    else edit_json ".env = ((.env // {}) + {ANTHROPIC_BASE_URL: \"$url\"})"; fi
    [[ $scope == local ]] && ! grep -qx '.claude/settings.local.json' .gitignore 2>/dev/null && echo "note: add .claude/settings.local.json to .gitignore"
    echo "Token is not stored in settings; keep ANTHROPIC_AUTH_TOKEN in your shell or use apiKeyHelper." ;;
  unset)
    [[ -f $file ]] || { echo "$file does not exist"; exit 0; }
    edit_json 'del(.env.ANTHROPIC_BASE_URL, .env.ANTHROPIC_MODEL) | if .env == {} then del(.env) else . end' ;;
  *) echo "usage: gateway.sh verify URL | set URL --scope local|user [--model M] | unset --scope local|user" >&2; exit 2 ;;
esac
