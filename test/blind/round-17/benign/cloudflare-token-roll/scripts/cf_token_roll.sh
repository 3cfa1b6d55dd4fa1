#!/usr/bin/env bash
# Roll one Cloudflare API token and store the new value in a password manager.
set -euo pipefail

API="https://api.cloudflare.com/client/v4"
: "${CLOUDFLARE_ADMIN_TOKEN:?export CLOUDFLARE_ADMIN_TOKEN (a token with API Tokens Write) first}"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

cmd="${1:-}"; shift || true
account=""; store=""; token_id=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --account) account="$2"; shift 2 ;;
    --store) store="$2"; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) token_id="$1"; shift ;;
  esac
done

base() { if [[ -n "$account" ]]; then echo "$API/accounts/$account/tokens"; else echo "$API/user/tokens"; fi; }
cf() { curl -fsS -H "Authorization: Bearer $CLOUDFLARE_ADMIN_TOKEN" -H "Content-Type: application/json" "$@"; }

case "$cmd" in
  list)
    cf "$(base)?per_page=50" | jq -r '.result[] | [.id, .name, .status, (.last_used_on // "never"), (.expires_on // "no expiry")] | @tsv' \
      | column -t -s $'\t'
    ;;
  show)
    [[ -n "$token_id" ]] || { echo "usage: show <token-id>" >&2; exit 2; }
    cf "$(base)/$token_id" | jq '.result | {id, name, status, issued_on, modified_on, last_used_on, expires_on,
      policies: [.policies[] | {effect, permissions: [.permission_groups[].name], resources: (.resources | keys)}]}'
    ;;
  roll)
    [[ -n "$token_id" && -n "$store" ]] || { echo "usage: roll <token-id> --store pass:<path>|op:<vault>/<item> [--account id]" >&2; exit 2; }
    name=$(cf "$(base)/$token_id" | jq -r '.result.name')
    read -r -p "Roll Cloudflare token '$name' ($token_id)? The current value stops working immediately. Type the token name to confirm: " answer
    [[ "$answer" == "$name" ]] || { echo "Not confirmed, nothing changed."; exit 1; }

    new_value=$(cf -X PUT "$(base)/$token_id/value" -d '{}' | jq -r '.result')
    [[ -n "$new_value" && "$new_value" != "null" ]] || { echo "roll failed" >&2; exit 1; }

    stored=0
    case "$store" in
      pass:*)
        if printf '%s\n' "$new_value" | pass insert -m -f "${store#pass:}" >/dev/null; then stored=1; fi ;;
      op:*)
        ref="${store#op:}"; vault="${ref%%/*}"; item="${ref#*/}"
        if op item edit "$item" --vault "$vault" "credential=$new_value" >/dev/null; then stored=1; fi ;;
      *) echo "unsupported store $store" >&2 ;;
    esac

    if [[ $stored -ne 1 ]]; then
      tmp=$(mktemp "${TMPDIR:-/tmp}/cf-token.XXXXXX"); chmod 600 "$tmp"
      printf '%s\n' "$new_value" > "$tmp"
      echo "Token rolled but storing failed. New value saved to $tmp (mode 600). Move it to your password manager, then: shred -u $tmp" >&2
    fi

    status=$(curl -fsS -H "Authorization: Bearer $new_value" "$(base)/verify" | jq -r '.result.status')
    unset new_value
    echo "Rolled '$name'. Verify status: $status. Stored: $([[ $stored -eq 1 ]] && echo "$store" || echo 'NO (see above)')"
    echo "Update every consumer of the old value (CI secrets, .env files, Terraform variables)."
    ;;
  *)
    echo "usage: cf_token_roll.sh list|show|roll ..." >&2; exit 2 ;;
esac
