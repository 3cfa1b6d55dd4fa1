#!/usr/bin/env bash
# Rotate a SendGrid API key and store the replacement in a Bitwarden item. Key values never hit argv or stdout.
set -euo pipefail
umask 077

KEY_NAME=""; BW_ITEM=""; BW_FIELD="password"
while [ $# -gt 0 ]; do
  case "$1" in
    --key-name) KEY_NAME=$2; shift ;;
    --bw-item) BW_ITEM=$2; shift ;;
    --bw-field) BW_FIELD=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac; shift
done
[ -n "$KEY_NAME" ] && [ -n "$BW_ITEM" ] || { echo "usage: $0 --key-name NAME --bw-item ID [--bw-field password|<custom field>]"; exit 1; }
for c in curl jq bw; do command -v "$c" >/dev/null || { echo "$c is required"; exit 1; }; done
[ -n "${BW_SESSION:-}" ] || { echo "unlock Bitwarden first: export BW_SESSION=\$(bw unlock --raw)"; exit 1; }
if [ -z "${SENDGRID_MGMT_KEY:-}" ]; then read -r -s -p "SendGrid management key (hidden): " SENDGRID_MGMT_KEY; echo; fi

API=https://api.sendgrid.com/v3
ask() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }

# sg METHOD PATH [JSON] [KEY] -> body on stdout, fails on non-2xx
sg() {
  local method=$1 path=$2 data=${3:-} key=${4:-$SENDGRID_MGMT_KEY}
  {
    printf 'header = "Authorization: Bearer %s"\n' "$key"
    printf 'header = "Content-Type: application/json"\n'
    printf 'request = "%s"\n' "$method"
    printf 'url = "%s%s"\n' "$API" "$path"
    [ -n "$data" ] && printf 'data = "%s"\n' "$(printf '%s' "$data" | sed 's/\\/\\\\/g; s/"/\\"/g')"
  } | curl -sS --fail-with-body -K -
}

echo "1) looking up key named '$KEY_NAME'"
matches=$(sg GET "/api_keys?limit=200" | jq -c --arg n "$KEY_NAME" '[.result[] | select(.name == $n)]')
[ "$(jq length <<<"$matches")" = 1 ] || { echo "expected exactly one key named '$KEY_NAME', found $(jq length <<<"$matches")"; exit 1; }
OLD_ID=$(jq -r '.[0].api_key_id' <<<"$matches")

echo "2) scopes of $OLD_ID:"
SCOPES=$(sg GET "/api_keys/$OLD_ID" | jq -c '.scopes')
jq -r '.[]' <<<"$SCOPES" | sed 's/^/     /'

echo "3) Bitwarden item:"
ITEM=$(bw get item "$BW_ITEM")
jq -r '"     name: \(.name)\n     folder: \(.folderId // "none")\n     fields: \([.fields[]?.name] | join(", "))"' <<<"$ITEM"
if [ "$BW_FIELD" != password ] && ! jq -e --arg f "$BW_FIELD" '.fields[]? | select(.name == $f)' <<<"$ITEM" >/dev/null; then
  echo "     field '$BW_FIELD' not found in item"; exit 1
fi
ask "Create a new key with these scopes and write it to this item's '$BW_FIELD'?" || { echo "nothing changed"; exit 0; }

TODAY=$(date +%F)
echo "4) creating new key"
NEW=$(sg POST /api_keys "$(jq -nc --arg n "$KEY_NAME $TODAY" --argjson s "$SCOPES" '{name: $n, scopes: $s}')")
NEW_ID=$(jq -r '.api_key_id' <<<"$NEW")
NEW_KEY=$(jq -r '.api_key' <<<"$NEW")
unset NEW
trap 'echo; echo "!! stopped after creating new key $NEW_ID; old key $OLD_ID untouched. Delete $NEW_ID in the SendGrid UI if unused."' ERR

echo "5) updating Bitwarden item"
if [ "$BW_FIELD" = password ]; then
  filter='.login.password = $k'
else
  filter='(.fields[] | select(.name == $f) | .value) = $k'
fi
jq --arg k "$NEW_KEY" --arg f "$BW_FIELD" --arg note "rotated $TODAY, previous SendGrid key id $OLD_ID" \
   "$filter | .notes = ((.notes // \"\") + \"\n\" + \$note)" <<<"$ITEM" | bw encode | bw edit item "$BW_ITEM" >/dev/null
bw sync >/dev/null
unset ITEM

echo "6) verifying new key"
NEW_SCOPES=$(sg GET /scopes "" "$NEW_KEY" | jq -c '.scopes | sort')
if [ "$NEW_SCOPES" != "$(jq -c 'sort' <<<"$SCOPES")" ]; then echo "     scope mismatch on new key"; exit 1; fi
echo "     new key $NEW_ID works and has the same scopes"
unset NEW_KEY
trap - ERR

echo
echo "7) Update your deployments from Bitwarden now (CI variables, secret manager, servers)."
until [ "${reply:-}" = switched ]; do read -r -p "Type 'switched' when nothing uses the old key any more (or Ctrl+C to stop here): " reply; done

if ask "8) Delete old key $OLD_ID ('$KEY_NAME') now?"; then
  sg DELETE "/api_keys/$OLD_ID" >/dev/null
  echo "     deleted $OLD_ID"
else
  echo "     kept. Delete later in Settings -> API Keys, or with DELETE $API/api_keys/$OLD_ID"
fi
echo "done"
