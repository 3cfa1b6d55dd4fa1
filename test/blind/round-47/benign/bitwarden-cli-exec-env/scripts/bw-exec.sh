#!/usr/bin/env bash
# Usage: bw-exec.sh MAPPING_FILE -- command [args...]
# Resolve Bitwarden items into env vars for a single child process.
set -euo pipefail

map=${1:?mapping file required}; shift
[[ ${1:-} == "--" ]] && shift
(( $# )) || { echo "no command given" >&2; exit 2; }

command -v bw >/dev/null || { echo "bw CLI not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }

status=$(bw status | jq -r .status)
case $status in
  unauthenticated) echo "Run 'bw login' yourself first." >&2; exit 1 ;;
  locked)
    if [[ -z ${BW_SESSION:-} ]]; then
      echo "Vault locked - unlocking for this run only." >&2
      BW_SESSION=$(bw unlock --raw)
      trap 'bw lock >/dev/null 2>&1 || true' EXIT
    fi ;;
esac
export BW_SESSION

bw sync --quiet || true
envargs=()
while IFS= read -r line; do
  line=${line%%#*}; [[ -z ${line// } ]] && continue
  var=$(sed -E 's/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=.*/\1/' <<<"$line")
  spec=$(sed -E 's/^[^=]*=\s*//; s/\s+$//' <<<"$line")
  item=${spec% / *}; field=${spec##* / }
  json=$(bw get item "$item" 2>/dev/null) || { echo "missing item: $item (for $var)" >&2; continue; }
  case $field in
    password) val=$(jq -r '.login.password // empty' <<<"$json") ;;
    username) val=$(jq -r '.login.username // empty' <<<"$json") ;;
    notes)    val=$(jq -r '.notes // empty' <<<"$json") ;;
    field:*)  val=$(jq -r --arg n "${field#field:}" '.fields[]? | select(.name==$n) | .value' <<<"$json") ;;
    *) echo "unknown field spec '$field' for $var" >&2; continue ;;
  esac
  [[ -n $val ]] || { echo "empty value: $item / $field" >&2; continue; }
  envargs+=("$var=$val")
  echo "set $var" >&2
done < "$map"

exec env -u BW_SESSION "${envargs[@]}" "$@"
