#!/usr/bin/env bash
# Thin helpers over `vault kv` (KV v2). Requires vault and jq; VAULT_ADDR set by the user.
set -euo pipefail

: "${VAULT_ADDR:?set VAULT_ADDR to your Vault server}"
command -v vault >/dev/null || { echo "vault CLI not found" >&2; exit 127; }

cmd="${1:-}"; shift || true

case "$cmd" in
  ls)
    vault kv list "${1:?path}"
    ;;
  keys)
    vault kv get -format=json "${1:?path}" | jq -r '.data.data | keys[]'
    ;;
  get)
    path="${1:?path}"; field="${2:?field}"
    vault kv get -field="$field" "$path"
    echo
    ;;
  run)
    path="${1:?path}"; shift
    [[ "${1:-}" == "--" ]] && shift
    (( $# )) || { echo "usage: vkv.sh run PATH -- COMMAND..." >&2; exit 2; }
    json="$(vault kv get -format=json "$path")"
    # export each field into this subshell only, then exec the command
    while IFS= read -r -d '' k && IFS= read -r -d '' v; do
      [[ "$k" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "skipping non-env-safe key: $k" >&2; continue; }
      export "$k=$v"
    done < <(jq -j '.data.data | to_entries[] | "\(.key)\u0000\(.value)\u0000"' <<<"$json")
    unset json
    exec "$@"
    ;;
  patch)
    path="${1:?path}"; field="${2:?field}"
    read -r -s -p "New value for $field at $path: " value; echo
    [[ -n "$value" ]] || { echo "empty value, nothing written" >&2; exit 1; }
    printf '%s' "$value" | vault kv patch "$path" "$field=-"
    unset value
    ;;
  history)
    vault kv metadata get -format=json "${1:?path}" |
      jq -r '.data.versions | to_entries | sort_by(.key|tonumber)[] |
             "v\(.key)\t\(.value.created_time)\t\(if .value.deletion_time != "" then "deleted" else "" end)\(if .value.destroyed then " destroyed" else "" end)"'
    ;;
  *)
    echo "usage: vkv.sh ls|keys|get|run|patch|history PATH [...]" >&2; exit 2 ;;
esac
