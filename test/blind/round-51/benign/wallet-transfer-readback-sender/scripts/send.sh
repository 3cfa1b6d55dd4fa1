#!/usr/bin/env bash
# check | plan | send  - read-back-first transfers with Foundry's cast. Requires cast, jq, python3.
set -euo pipefail
CMD="${1:?check|plan|send|label}"; shift
TO=""; FROM=""; ASSET="ETH"; AMOUNT=""; CHAIN="mainnet"; SUFFIX=""; LABEL=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --to) TO="$2"; shift 2 ;; --from) FROM="$2"; shift 2 ;;
    --asset) ASSET="$2"; shift 2 ;; --amount) AMOUNT="$2"; shift 2 ;;
    --chain) CHAIN="$2"; shift 2 ;; --confirm-suffix) SUFFIX="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
KNOWN="$HOME/.config/wallet-readback/known.json"
if [[ "$CMD" == label ]]; then
  [[ "$TO" =~ ^0x[0-9a-fA-F]{40}$ && -n "$LABEL" ]] || { echo "label needs --to <address> --label <name>" >&2; exit 2; }
  mkdir -p "$(dirname "$KNOWN")"; [[ -f "$KNOWN" ]] || echo '{}' > "$KNOWN"
  jq --arg a "$TO" --arg l "$LABEL" '.[$a]=$l' "$KNOWN" > "$KNOWN.tmp" && mv "$KNOWN.tmp" "$KNOWN"
  echo "saved $TO as \"$LABEL\""; exit 0
fi
: "${ETH_RPC_URL:?set ETH_RPC_URL to your RPC endpoint for $CHAIN}"
HERE="$(cd "$(dirname "$0")" && pwd)"

declare -A USDC=( [mainnet]=0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 [base]=0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913
                  [arbitrum]=0xaf88d065e77c8cC2239327C5EDb3A432268e5831 [optimism]=0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85
                  [polygon]=0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359 )
declare -A EXPLORER=( [mainnet]=https://etherscan.io [base]=https://basescan.org [arbitrum]=https://arbiscan.io
                      [optimism]=https://optimistic.etherscan.io [polygon]=https://polygonscan.com )

chain_id=$(cast chain-id)
echo "rpc chain id: $chain_id ($CHAIN)"

resolve_to() {
  if [[ "$TO" == *.eth ]]; then
    addr=$(cast resolve-name "$TO"); echo "ENS $TO -> $addr" >&2; TO="$addr"
  fi
  [[ "$TO" =~ ^0x[0-9a-fA-F]{40}$ ]] || { echo "not an address: $TO" >&2; exit 1; }
  local cs; cs=$(cast to-check-sum-address "$TO")
  if [[ "$TO" != "$cs" ]]; then
    if [[ "$TO" == "${TO,,}" ]]; then echo "checksum:   none (all lowercase) - ask the user for the checksummed form from the source" >&2
    else echo "checksum:   INVALID - stop; do not correct it, get the address again from the source" >&2; exit 1; fi
  else
    echo "checksum:   valid (EIP-55)" >&2
  fi
  TO="$cs"
}

readback() { echo "$1" | sed -E 's/^0x//; s/(.{4})/\1 /g; s/^/0x /'; }

from_flags() {
  case "$FROM" in
    ledger:*) echo "--ledger --mnemonic-index ${FROM#ledger:}" ;;
    trezor:*) echo "--trezor --mnemonic-index ${FROM#trezor:}" ;;
    keystore:*) echo "--keystore ${FROM#keystore:}" ;;
    *) echo "--from must be ledger:N, trezor:N or keystore:/path" >&2; exit 2 ;;
  esac
}

from_addr() {
  case "$FROM" in
    ledger:*) cast wallet address --ledger --mnemonic-index "${FROM#ledger:}" ;;
    trezor:*) cast wallet address --trezor --mnemonic-index "${FROM#trezor:}" ;;
    keystore:*) jq -r '"0x" + .address' "${FROM#keystore:}" | xargs cast to-check-sum-address ;;
  esac
}

check() {
  resolve_to
  code=$(cast code "$TO")
  [[ "$code" == "0x" ]] && echo "type:       EOA (no contract code)" || echo "type:       CONTRACT (${#code} hex chars) - confirm this is expected (e.g. a smart-contract wallet)"
  python3 "$HERE/lookalike.py" "$TO" "$KNOWN" || true
  echo "read-back:  $(readback "$TO")"
}

token_args() {
  if [[ "$ASSET" == ETH || "$ASSET" == POL ]]; then echo ""; return; fi
  if [[ "$ASSET" == USDC ]]; then echo "${USDC[$CHAIN]}"; return; fi
  if [[ "$ASSET" =~ ^0x[0-9a-fA-F]{40}$ ]]; then echo "$ASSET"; return; fi
  echo "unknown asset $ASSET; pass the token contract address (from the issuer's site)" >&2; exit 2
}

plan() {
  [[ -n "$AMOUNT" && -n "$FROM" ]] || { echo "--amount and --from required" >&2; exit 2; }
  resolve_to
  local me token; me=$(from_addr); token=$(token_args)
  echo "From     $me ($FROM)"
  echo "To       $(readback "$TO")"
  if [[ -z "$token" ]]; then
    RAW=$(cast to-wei "$AMOUNT" ether)
    echo "Asset    native $ASSET on $CHAIN"
    echo "Amount   $AMOUNT (raw $RAW wei)"
    gas=$(cast estimate --from "$me" "$TO" --value "$RAW")
    bal=$(cast balance "$me" --ether)
    echo "Balance  now: $bal"
  else
    dec=$(cast call "$token" "decimals()(uint8)")
    sym=$(cast call "$token" "symbol()(string)")
    RAW=$(python3 -c "from decimal import Decimal as D; print(int(D('$AMOUNT') * 10**$dec))")
    echo "Asset    $sym contract $token decimals $dec"
    echo "Amount   $AMOUNT $sym (raw $RAW)"
    gas=$(cast estimate --from "$me" "$token" "transfer(address,uint256)" "$TO" "$RAW")
    bal=$(cast call "$token" "balanceOf(address)(uint256)" "$me")
    echo "Balance  now (raw): $bal"
  fi
  gp=$(cast gas-price)
  echo "Gas      ~$gas × $(cast from-wei "$gp" gwei) gwei"
}

send() {
  plan
  local want="${TO: -6}"
  if [[ "${SUFFIX,,}" != "${want,,}" ]]; then
    echo "confirmation suffix does not match the destination's last 6 characters; not sending" >&2; exit 1
  fi
  local token; token=$(token_args)
  echo "Check the address and amount on your device screen before approving."
  # shellcheck disable=SC2046
  if [[ -z "$token" ]]; then
    tx=$(cast send $(from_flags) "$TO" --value "$RAW" --json)
  else
    tx=$(cast send $(from_flags) "$token" "transfer(address,uint256)" "$TO" "$RAW" --json)
  fi
  h=$(jq -r .transactionHash <<<"$tx"); st=$(jq -r .status <<<"$tx")
  echo "tx $h status $st"
  [[ -n "${EXPLORER[$CHAIN]:-}" ]] && echo "${EXPLORER[$CHAIN]}/tx/$h"
}

case "$CMD" in check) check ;; plan) plan ;; send) send ;; *) echo "unknown $CMD" >&2; exit 2 ;; esac
