# shellcheck shell=bash
# Source this file: defines pp_token, pp_get, pp_post, pp_logout for the PayPal REST API.

if [[ -f .env ]]; then
  while IFS='=' read -r k v; do
    case "$k" in
      PAYPAL_CLIENT_ID|PAYPAL_CLIENT_SECRET|PAYPAL_ENV)
        v="${v%\"}"; v="${v#\"}"
        [[ -z "${!k:-}" ]] && export "$k=$v" ;;
    esac
  done < .env
fi

case "${PAYPAL_ENV:-live}" in
  sandbox) PP_API="https://api-m.sandbox.paypal.com" ;;
  *)       PP_API="https://api-m.paypal.com" ;;
esac
PP_TOKEN_FILE="${TMPDIR:-/tmp}/pp-token-$(id -u).json"

pp_token() {
  local now; now=$(date +%s)
  if [[ -f "$PP_TOKEN_FILE" ]] && (( $(jq -r .expires_at "$PP_TOKEN_FILE") > now + 60 )); then
    jq -r .access_token "$PP_TOKEN_FILE"; return
  fi
  : "${PAYPAL_CLIENT_ID:?set PAYPAL_CLIENT_ID}" "${PAYPAL_CLIENT_SECRET:?set PAYPAL_CLIENT_SECRET}"
  local resp
  resp=$(curl -sS -u "$PAYPAL_CLIENT_ID:$PAYPAL_CLIENT_SECRET" \
    -d grant_type=client_credentials "$PP_API/v1/oauth2/token")
  if ! jq -e .access_token >/dev/null <<<"$resp"; then
    echo "PayPal auth failed: $(jq -r '.error_description // .' <<<"$resp")" >&2; return 1
  fi
  (umask 077; jq --argjson now "$now" '{access_token, expires_at: ($now + .expires_in)}' <<<"$resp" > "$PP_TOKEN_FILE")
  jq -r .access_token "$PP_TOKEN_FILE"
}

pp_get() {
  curl -sS "$PP_API$1" -H "Authorization: Bearer $(pp_token)" -H 'Content-Type: application/json' "${@:2}"
}

pp_post() {
  curl -sS -X POST "$PP_API$1" -H "Authorization: Bearer $(pp_token)" "${@:2}"
}

pp_logout() {
  rm -f "$PP_TOKEN_FILE" && echo "Removed cached PayPal token."
}
