#!/usr/bin/env bash
# Report which Stripe keys are configured and in which mode, without printing them.
describe() {
  local name=$1 val=${!1:-}
  if [[ -z $val ]]; then echo "$name: not set"; return; fi
  local mode="unknown format"
  case $val in
    sk_test_*|rk_test_*) mode="test mode" ;;
    sk_live_*|rk_live_*) mode="LIVE mode — real payments" ;;
    whsec_*) mode="webhook signing secret" ;;
    pk_*) mode="publishable key (wrong variable? this is not secret)" ;;
  esac
  echo "$name: set, $mode (${val:0:8}…, ${#val} chars)"
}
describe STRIPE_SECRET_KEY
describe STRIPE_WEBHOOK_SECRET
