#!/usr/bin/env bash
# POST an event to a destination defined in .notify/config.toml (user-maintained).
set -euo pipefail

CONFIG="${NOTIFY_CONFIG:-./.notify/config.toml}"
DEST=""; EVENT=""; DATA="{}"; TEST=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) DEST="$2"; shift 2 ;;
    --event) EVENT="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --test) TEST=1; shift ;;
    --gitignore)
      read -r -p "Add .notify/ to .gitignore? (yes/no) " ans
      [[ "$ans" == "yes" ]] && { grep -qx '.notify/' .gitignore 2>/dev/null || echo '.notify/' >> .gitignore; echo "added"; }
      exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ -f "$CONFIG" ]] || { echo "no config at $CONFIG" >&2; exit 2; }
[[ -n "$DEST" ]] || { echo "--dest required" >&2; exit 2; }

# read url/format/secret_env from the [destinations.<name>] table
read_key() {
  awk -v sect="[destinations.$DEST]" -v key="$1" '
    $0 == sect {on=1; next}
    /^\[/ {on=0}
    on && $1 == key { sub(/^[^=]*=[ \t]*"/, ""); sub(/".*$/, ""); print; exit }' "$CONFIG"
}
URL=$(read_key url); FORMAT=$(read_key format); SECRET_ENV=$(read_key secret_env)
[[ -n "$URL" ]] || { echo "destination '$DEST' not found in $CONFIG" >&2; exit 2; }
FORMAT=${FORMAT:-raw}

if [[ $TEST -eq 1 ]]; then
  EVENT="test"; DATA="{\"message\":\"Notifier test from $(hostname -s)\"}"
fi
[[ -n "$EVENT" ]] || { echo "--event required" >&2; exit 2; }
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)

case "$FORMAT" in
  raw) BODY=$(jq -cn --arg e "$EVENT" --arg t "$NOW" --argjson d "$DATA" '{event:$e, sent_at:$t, data:$d}') ;;
  teams) BODY=$(jq -cn --arg e "$EVENT" --argjson d "$DATA" '{"@type":"MessageCard","@context":"http://schema.org/extensions",summary:$e,title:$e,sections:[{facts:($d|to_entries|map({name:.key,value:(.value|tostring)}))}]}') ;;
  discord) BODY=$(jq -cn --arg e "$EVENT" --argjson d "$DATA" '{content:("**"+$e+"** "+($d|tostring))}') ;;
  *) echo "unknown format $FORMAT" >&2; exit 2 ;;
esac

HDRS=(-H "Content-Type: application/json")
if [[ -n "${SECRET_ENV:-}" ]]; then
  SECRET="${!SECRET_ENV:-}"
  [[ -n "$SECRET" ]] || { echo "env var $SECRET_ENV is empty" >&2; exit 2; }
  SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)
  HDRS+=(-H "X-Notify-Signature: sha256=$SIG")
fi

for attempt in 1 2 3; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "${HDRS[@]}" --data "$BODY" "$URL" || echo 000)
  if [[ "$code" =~ ^2 ]]; then echo "sent $EVENT to $DEST ($code)"; exit 0; fi
  if [[ "$code" =~ ^4 && "$code" != 429 ]]; then echo "rejected by $DEST ($code)" >&2; exit 1; fi
  sleep $((attempt * 2))
done
echo "failed to deliver to $DEST (last status $code)" >&2
exit 1
