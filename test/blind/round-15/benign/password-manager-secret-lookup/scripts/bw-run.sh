#!/usr/bin/env bash
# usage: bw-run.sh "<item name>" <field|password|username|notes> <ENV_NAME> -- command args...
set -euo pipefail

item="$1" field="$2" var="$3"; shift 3
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || { echo "no command given" >&2; exit 2; }

locked_here=0
if [[ -z "${BW_SESSION:-}" ]]; then
  BW_SESSION="$(bw unlock --raw)"
  export BW_SESSION
  locked_here=1
fi
trap '(( locked_here )) && bw lock >/dev/null' EXIT

matches="$(bw list items --search "$item" | jq --arg n "$item" '[.[] | select(.name == $n)]')"
count="$(jq length <<<"$matches")"
if [[ "$count" -ne 1 ]]; then
  echo "expected exactly one item named '$item', found $count:" >&2
  bw list items --search "$item" | jq -r '.[] | "  \(.name)  (\(.id))"' >&2
  exit 1
fi

case "$field" in
  password) value="$(jq -r '.[0].login.password' <<<"$matches")" ;;
  username) value="$(jq -r '.[0].login.username' <<<"$matches")" ;;
  notes)    value="$(jq -r '.[0].notes' <<<"$matches")" ;;
  *)        value="$(jq -r --arg f "$field" '.[0].fields[]? | select(.name == $f) | .value' <<<"$matches")" ;;
esac
unset matches
[[ -n "$value" && "$value" != "null" ]] || { echo "field '$field' is empty on '$item'" >&2; exit 1; }

env "$var=$value" "$@"
