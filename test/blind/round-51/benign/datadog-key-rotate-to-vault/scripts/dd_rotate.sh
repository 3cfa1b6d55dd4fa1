#!/usr/bin/env bash
# Datadog API/app key rotation into the user's secret store. Requires curl, jq and the store's CLI.
set -euo pipefail

: "${DD_SITE:?set DD_SITE (e.g. datadoghq.com)}"
: "${DD_API_KEY:?admin DD_API_KEY required}"
: "${DD_APP_KEY:?admin DD_APP_KEY required}"
API="https://api.${DD_SITE}"
STATE="./.dd-rotation-state.json"

dd() {  # method path [body]
  curl -sS --fail-with-body -X "$1" "$API$2" \
    -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY" \
    -H "Content-Type: application/json" ${3:+-d "$3"}
}

store_write() {  # target  (value on stdin)
  local target="$1"
  case "$target" in
    vault:*)
      local rest="${target#vault:}" path field
      path="${rest%%#*}"; field="${rest#*#}"
      # KV v2: use `vault kv patch` so other fields at that path are kept
      local mount="${path%%/data/*}" sub="${path#*/data/}"
      vault kv patch -mount="$mount" "$sub" "$field=-" >/dev/null
      vault kv metadata get -mount="$mount" -format=json "$sub" | jq -r '"vault \(.data.current_version) ok"'
      ;;
    aws-sm:*)
      local id="${target#aws-sm:}"
      aws secretsmanager put-secret-value --secret-id "$id" --secret-string file:///dev/stdin \
        --query VersionId --output text | sed 's/^/aws-sm version /'
      ;;
    op://*)
      # op item edit reads field assignments from args; pass through a here-string, not argv
      local ref="${target#op://}" vault item field
      vault="${ref%%/*}"; ref="${ref#*/}"; item="${ref%%/*}"; field="${ref#*/}"
      local v; v="$(cat)"
      op item edit "$item" --vault "$vault" "${field}[password]=$v" >/dev/null && echo "1password ok"
      unset v
      ;;
    *) echo "unknown store target: $target" >&2; exit 2 ;;
  esac
}

store_read() {
  local target="$1"
  case "$target" in
    vault:*) local rest="${target#vault:}"; local path="${rest%%#*}" field="${rest#*#}"
             vault kv get -mount="${path%%/data/*}" -field="$field" "${path#*/data/}" ;;
    aws-sm:*) aws secretsmanager get-secret-value --secret-id "${target#aws-sm:}" --query SecretString --output text ;;
    op://*) op read "$target" ;;
  esac
}

kind_path() { [[ "$1" == app ]] && echo "/api/v2/current_user/application_keys" || echo "/api/v2/api_keys"; }

cmd="${1:-}"; shift || true
case "$cmd" in
  list)
    kind="${1:-api}"
    dd GET "$(kind_path "$kind")?page[size]=100" |
      jq -r '.data[] | [.id, .attributes.name, .attributes.created_at, (.attributes.last4 // "")] | @tsv'
    ;;
  create)
    kind="$1"; name="$2"; shift 2
    [[ "${1:-}" == "--store" ]] || { echo "--store target required" >&2; exit 2; }
    target="$2"
    path="$(kind_path "$kind")"
    old=$(dd GET "$path?filter=$(jq -rn --arg n "$name" '$n|@uri')" | jq -r --arg n "$name" '.data[] | select(.attributes.name==$n) | .id' | head -1)
    [[ -n "$old" ]] || { echo "no existing $kind key named $name" >&2; exit 1; }
    newname="$name-$(date +%F)"
    body=$(jq -nc --arg n "$newname" --arg k "$kind" \
      '{data:{type:(if $k=="app" then "application_keys" else "api_keys" end),attributes:{name:$n}}}')
    resp=$(dd POST "$path" "$body")
    newid=$(jq -r '.data.id' <<<"$resp")
    last4=$(jq -r '.data.attributes.last4' <<<"$resp")
    stored=$(jq -r '.data.attributes.key' <<<"$resp" | store_write "$target")
    resp=""
    jq -n --arg kind "$kind" --arg old "$old" --arg new "$newid" --arg name "$name" --arg target "$target" \
      '{kind:$kind,name:$name,old_id:$old,new_id:$new,store:$target,created:(now|todate)}' > "$STATE"
    echo "new key: $newname  id ${newid:0:4}…${newid: -2}  last4 …$last4"
    echo "stored:  $stored ($target)"
    echo "old key: $name  id ${old:0:4}…${old: -2}  NOT revoked"
    ;;
  validate)
    target=$(jq -r .store "$STATE")
    newkey=$(store_read "$target")
    # header via stdin so the key is not in the process list
    code=$(printf 'DD-API-KEY: %s\n' "$newkey" | curl -s -o /dev/null -w '%{http_code}' -H @- "$API/api/v1/validate")
    unset newkey
    echo "validate new key: HTTP $code"
    ;;
  revoke)
    kind=$(jq -r .kind "$STATE"); old=$(jq -r .old_id "$STATE"); name=$(jq -r .name "$STATE")
    echo "will delete $kind key '$name' id $old on $DD_SITE"
    if [[ "${1:-}" != "--confirm" ]]; then echo "dry run; re-run with --confirm after the user says yes"; exit 0; fi
    dd DELETE "$(kind_path "$kind")/$old" >/dev/null
    echo "revoked $old"
    jq '.revoked=(now|todate)' "$STATE" > "$STATE.tmp" && mv "$STATE.tmp" "$STATE"
    ;;
  *) echo "usage: $0 list|create|validate|revoke" >&2; exit 2 ;;
esac
