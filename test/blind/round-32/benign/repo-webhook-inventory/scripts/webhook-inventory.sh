#!/usr/bin/env bash
# Read-only inventory of repo and org webhooks for the owners given with --owner.
set -euo pipefail

owners=()
include_archived=false
raw_urls=false
here="$(cd "$(dirname "$0")" && pwd)"
allow_file="$here/../assets/allowed-hosts.txt"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --owner) owners+=("$2"); shift 2 ;;
    --allow) allow_file="$2"; shift 2 ;;
    --include-archived) include_archived=true; shift ;;
    --raw-urls) raw_urls=true; shift ;;
    -h|--help) echo "usage: $0 --owner NAME [--owner NAME...] [--allow FILE] [--include-archived] [--raw-urls]"; exit 0 ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done
[[ ${#owners[@]} -gt 0 ]] || { echo "at least one --owner is required" >&2; exit 2; }
command -v gh >/dev/null && command -v jq >/dev/null || { echo "needs gh and jq" >&2; exit 2; }

mapfile -t allowed < <(grep -v '^\s*#' "$allow_file" 2>/dev/null | sed '/^\s*$/d')

host_allowed() {
  local h="$1" a
  for a in "${allowed[@]}"; do
    if [[ "$a" == .* ]]; then [[ "$h" == *"$a" ]] && return 0
    else [[ "$h" == "$a" ]] && return 0; fi
  done
  return 1
}

emit() { # scope repo json
  local scope="$1" repo="$2" json="$3"
  jq -c '.[]' <<<"$json" | while read -r hook; do
    local id url host events active insecure secret status flags=""
    id=$(jq -r '.id' <<<"$hook")
    url=$(jq -r '.config.url // ""' <<<"$hook")
    host=$(sed -E 's#^[a-z]+://([^/:?]+).*#\1#' <<<"$url")
    events=$(jq -r '.events | join(" ")' <<<"$hook")
    active=$(jq -r '.active' <<<"$hook")
    insecure=$(jq -r '.config.insecure_ssl // "0"' <<<"$hook")
    secret=$(jq -r 'if .config.secret then "yes" else "no" end' <<<"$hook")
    status=$(jq -r '.last_response.code // "none"' <<<"$hook")

    host_allowed "$host" || flags+="unknown-host;"
    [[ "$insecure" == "1" ]] && flags+="insecure-ssl;"
    [[ "$secret" == "no" ]] && flags+="no-secret;"
    [[ "$url" == http://* ]] && flags+="http;"
    [[ "$host" =~ ^[0-9.]+$ || "$host" == \[* ]] && flags+="ip-literal;"
    [[ " $events " == *" * "* ]] && flags+="wildcard-events;"
    [[ "$status" != "none" && ! "$status" =~ ^2 ]] && flags+="failing;"
    [[ "$active" == "false" ]] && flags+="inactive;"

    $raw_urls || url="${url%%\?*}"
    printf '%s,%s,%s,%s,"%s",%s,%s,%s,%s,%s\n' \
      "$scope" "$repo" "$id" "$host" "$events" "$active" "$insecure" "$secret" "$status" "${flags%;}"
  done
}

echo "scope,repo,hook_id,host,events,active,insecure_ssl,has_secret,last_status,flags"

for owner in "${owners[@]}"; do
  type=$(gh api "users/$owner" --jq .type)
  if [[ "$type" == "Organization" ]]; then
    echo "org hooks for $owner" >&2
    if json=$(gh api "orgs/$owner/hooks" --paginate 2>/dev/null); then
      emit org "$owner" "$json"
    else
      echo "  skipped org hooks (needs org owner + admin:org_hook)" >&2
    fi
    repo_list=$(gh repo list "$owner" --limit 5000 --json nameWithOwner,isArchived)
  else
    repo_list=$(gh repo list "$owner" --limit 5000 --source --json nameWithOwner,isArchived)
  fi

  jq -r --argjson arch "$include_archived" '.[] | select($arch or (.isArchived|not)) | .nameWithOwner' <<<"$repo_list" |
  while read -r repo; do
    echo "  $repo" >&2
    if json=$(gh api "repos/$repo/hooks" --paginate 2>/dev/null); then
      emit repo "$repo" "$json"
    else
      echo "    skipped (no admin)" >&2
    fi
    sleep 0.1
  done
done
