#!/usr/bin/env bash
# Replay a saved event JSON against a local endpoint with a freshly computed signature.
set -euo pipefail
EVENT_FILE=${1:?usage: replay.sh event.json [url]}
URL=${2:-http://localhost:8000/webhooks/stripe}
SECRET=${STRIPE_WEBHOOK_SECRET:?set STRIPE_WEBHOOK_SECRET (whsec_...)}
TS=$(date +%s)
PAYLOAD=$(cat "$EVENT_FILE")
SIG=$(printf '%s.%s' "$TS" "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -hex | awk '{print $2}')
curl -sS -X POST "$URL" -H "Content-Type: application/json" -H "Stripe-Signature: t=$TS,v1=$SIG" --data-binary @"$EVENT_FILE"
echo
