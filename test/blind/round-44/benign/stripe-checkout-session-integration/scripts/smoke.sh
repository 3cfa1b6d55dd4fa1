#!/usr/bin/env bash
# Local test-mode smoke test. Requires: dev server on :3000, `stripe listen` running.
set -euo pipefail
base="${APP_BASE_URL:-http://localhost:3000}"

if [[ "${STRIPE_SECRET_KEY:-}" == sk_live_* ]]; then
  echo "Refusing to run with a live key. Use test mode keys (sk_test_...)." >&2
  exit 1
fi

echo "1) create checkout session"
resp=$(curl -fsS -X POST "$base/api/checkout" -H 'Content-Type: application/json' \
  -d '{"sku":"starter-monthly","userId":"test-user-1"}')
echo "$resp" | grep -q '"url":"https://checkout.stripe.com/' && echo "   ok: session url returned" || { echo "   unexpected: $resp"; exit 1; }

echo "2) unknown sku is rejected"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/checkout" -H 'Content-Type: application/json' -d '{"sku":"free-lunch"}')
[[ "$code" == 400 ]] && echo "   ok: 400" || { echo "   expected 400, got $code"; exit 1; }

echo "3) tampered webhook is rejected"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/stripe/webhook" \
  -H 'Content-Type: application/json' -H 'Stripe-Signature: t=1,v1=deadbeef' -d '{"type":"checkout.session.completed"}')
[[ "$code" == 400 ]] && echo "   ok: 400" || { echo "   expected 400, got $code"; exit 1; }

echo "4) trigger a signed test event (watch the server log for 'fulfilled session=')"
stripe trigger checkout.session.completed
