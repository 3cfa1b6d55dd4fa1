#!/usr/bin/env bash
# Rotate an Auth0 application's client secret and store it in Vault without printing it.
set -euo pipefail
umask 077

die() { echo "error: $*" >&2; exit 1; }
: "${AUTH0_DOMAIN:?}" "${AUTH0_MGMT_CLIENT_ID:?}" "${AUTH0_MGMT_CLIENT_SECRET:?}"
command -v vault >/dev/null || die "vault CLI not found"
command -v jq >/dev/null || die "jq not found"

mode="${1:-}"; shift || true
client="" vpath="" field="client_secret" confirm=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --client) client="$2"; shift 2 ;;
    --vault-path) vpath="$2"; shift 2 ;;
    --field) field="$2"; shift 2 ;;
    --confirm) confirm="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ -n "$client" && -n "$vpath" ]] || die "usage: rotate.sh check|rotate --client ID|NAME --vault-path PATH [--field F] [--confirm ID]"

mgmt_token() {
  curl -fsS "https://${AUTH0_DOMAIN}/oauth/token" -H 'content-type: application/json' \
    --data "$(jq -n --arg id "$AUTH0_MGMT_CLIENT_ID" --arg s "$AUTH0_MGMT_CLIENT_SECRET" \
      --arg aud "https://${AUTH0_DOMAIN}/api/v2/" '{grant_type:"client_credentials",client_id:$id,client_secret:$s,audience:$aud}')" \
  | jq -r .access_token
}
TOKEN="$(mgmt_token)"
api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' "$@"; }

resolve_client() {
  if [[ "$client" =~ ^[A-Za-z0-9]{32}$ ]]; then
    api "https://${AUTH0_DOMAIN}/api/v2/clients/${client}?fields=client_id,name,app_type,grant_types,callbacks&include_fields=true"
  else
    api "https://${AUTH0_DOMAIN}/api/v2/clients?fields=client_id,name,app_type,grant_types,callbacks&include_fields=true&per_page=100" \
      | jq --arg n "$client" '[.[] | select(.name == $n)] | if length == 1 then .[0] else error("expected exactly one app named \($n), found \(length)") end'
  fi
}

APP="$(resolve_client)"
CID="$(jq -r .client_id <<<"$APP")"
TYPE="$(jq -r .app_type <<<"$APP")"
[[ "$CID" != "$AUTH0_MGMT_CLIENT_ID" ]] || die "refusing to rotate the Management API app used by this tool"

echo "App:        $(jq -r .name <<<"$APP") ($TYPE)"
echo "Client id:  $CID"
echo "Grants:     $(jq -r '.grant_types | join(", ")' <<<"$APP")"
echo "Callbacks:  $(jq -r '.callbacks | length' <<<"$APP")"
case "$TYPE" in spa|native) die "$TYPE apps have no client secret to rotate" ;; esac

if meta="$(vault kv metadata get -format=json "$vpath" 2>/dev/null)"; then
  echo "Vault:      $vpath  v$(jq -r .data.current_version <<<"$meta")  updated $(jq -r .data.updated_time <<<"$meta")"
  vault kv get -format=json "$vpath" | jq -e --arg f "$field" '.data.data | has($f)' >/dev/null \
    && echo "Field:      $field (exists)" || echo "Field:      $field (will be added)"
else
  echo "Vault:      $vpath does not exist yet (will be created)"
fi

[[ "$mode" == "check" ]] && exit 0
[[ "$mode" == "rotate" ]] || die "mode must be check or rotate"
[[ "$confirm" == "$CID" ]] || die "--confirm must repeat the client id ($CID)"

NEW="$(api -X POST "https://${AUTH0_DOMAIN}/api/v2/clients/${CID}/rotate-secret" | jq -r .client_secret)"
[[ -n "$NEW" && "$NEW" != null ]] || die "Auth0 did not return a new secret"

# pass the secret on stdin so it never appears in argv
if vault kv metadata get "$vpath" >/dev/null 2>&1; then
  printf '%s' "$NEW" | vault kv patch "$vpath" "${field}=-" >/dev/null
else
  printf '%s' "$NEW" | vault kv put "$vpath" "${field}=-" >/dev/null
fi
VER="$(vault kv metadata get -format=json "$vpath" | jq -r .data.current_version)"
FP="$(printf '%s' "$NEW" | sha256sum | cut -c1-12)"

if [[ "$TYPE" == "non_interactive" ]]; then
  AUD="$(api "https://${AUTH0_DOMAIN}/api/v2/client-grants?client_id=${CID}" | jq -r '.[0].audience // empty')"
  if [[ -n "$AUD" ]]; then
    code="$(jq -n --arg id "$CID" --arg aud "$AUD" --rawfile s /dev/stdin \
              '{grant_type:"client_credentials",client_id:$id,client_secret:$s,audience:$aud}' <<<"$NEW" \
            | sed 's/\\n"/"/' \
            | curl -s -o /dev/null -w '%{http_code}' "https://${AUTH0_DOMAIN}/oauth/token" -H 'content-type: application/json' --data @-)"
    echo "Verify:     token request with new secret for $AUD -> HTTP $code"
  fi
fi
unset NEW
echo "Rotated:    $CID  -> $vpath#$field  (vault v$VER, fp sha256:$FP…)"
echo "Next:       reload consumers of $vpath"
