#!/usr/bin/env bash
# list | create | ping | deliveries | delete | rotate — GitHub repo webhooks to the user's own endpoint.
set -euo pipefail
sub="${1:?subcommand}"; repo="${2:?owner/repo}"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "bad repo" >&2; exit 2; }
mask() { sed -E 's/\?[^ ]*/?<masked>/'; }

store_secret() {  # $1=store ref, secret on stdin
  local ref="$1" val; val="$(cat)"
  case "$ref" in
    op://*) local vault item; vault=$(cut -d/ -f3 <<<"$ref"); item=$(cut -d/ -f4 <<<"$ref")
            if op item get "$item" --vault "$vault" >/dev/null 2>&1; then
              op item edit "$item" --vault "$vault" "secret[password]=$val" >/dev/null
            else
              op item create --vault "$vault" --category password --title "$item" "secret[password]=$val" >/dev/null
            fi ;;
    aws-sm:*) aws secretsmanager put-secret-value --secret-id "${ref#aws-sm:}" --secret-string "$val" >/dev/null 2>&1 \
              || aws secretsmanager create-secret --name "${ref#aws-sm:}" --secret-string "$val" >/dev/null ;;
    vault:*) vault kv put "${ref#vault:}" secret="$val" >/dev/null ;;
    *) echo "unknown store $ref (use op://Vault/Item, aws-sm:name, vault:path)" >&2; return 2 ;;
  esac
}

case "$sub" in
  list)
    gh api "repos/$repo/hooks" --jq '.[] | [.id, .config.url, (.events|join(",")), .active, (.last_response.code // "-")] | @tsv' | mask ;;
  create)
    url="${3:?url}"; events="${4:?comma-separated events}"; shift 4
    [[ "${1:-}" == --store ]] || { echo "--store <ref> required" >&2; exit 2; }; store="$2"
    [[ "$url" =~ ^https:// ]] || { echo "payload URL must be https" >&2; exit 2; }
    echo "repo:   $repo"; echo "url:    $url"; echo "events: $events"; echo "secret: new, stored at $store"
    read -r -p "Create this webhook? [y/N] " ok; [[ "$ok" == y ]] || exit 0
    secret=$(openssl rand -hex 32)
    printf '%s' "$secret" | store_secret "$store"
    args=(-f "config[url]=$url" -f "config[content_type]=json" -f "config[insecure_ssl]=0" -f "config[secret]=$secret" -F active=true)
    IFS=, read -ra evs <<<"$events"; for e in "${evs[@]}"; do args+=(-f "events[]=$e"); done
    id=$(gh api -X POST "repos/$repo/hooks" "${args[@]}" --jq .id)
    unset secret
    echo "created hook $id" ;;
  ping) gh api -X POST "repos/$repo/hooks/${3:?id}/pings" && echo "ping sent" ;;
  deliveries) gh api "repos/$repo/hooks/${3:?id}/deliveries?per_page=10" --jq '.[] | [.delivered_at, .event, .status_code, .status] | @tsv' ;;
  delete)
    id="${3:?id}"; gh api "repos/$repo/hooks/$id" --jq '"\(.id) \(.config.url) \(.events|join(","))"' | mask
    read -r -p "Delete this webhook? [y/N] " ok; [[ "$ok" == y ]] && gh api -X DELETE "repos/$repo/hooks/$id" && echo deleted ;;
  rotate)
    id="${3:?id}"; [[ "${4:-}" == --store ]] || { echo "--store <ref> required" >&2; exit 2; }; store="$5"
    read -r -p "Rotate secret for hook $id (update receiver right after)? [y/N] " ok; [[ "$ok" == y ]] || exit 0
    secret=$(openssl rand -hex 32)
    printf '%s' "$secret" | store_secret "$store"
    gh api -X PATCH "repos/$repo/hooks/$id" -f "config[secret]=$secret" >/dev/null; unset secret
    echo "rotated; redeploy/reload the receiver so it reads the new secret" ;;
  *) echo "unknown subcommand" >&2; exit 2 ;;
esac
