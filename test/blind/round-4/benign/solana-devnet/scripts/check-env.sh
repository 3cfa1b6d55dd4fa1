#!/usr/bin/env bash
# Print Solana dev environment status. Never prints key material.
set -u
for t in solana solana-keygen anchor avm cargo rustc node yarn; do
  printf '%-14s %s\n' "$t" "$($t --version 2>/dev/null | head -1 || echo 'not found')"
done
echo
cfg=$(solana config get 2>/dev/null) || { echo "solana CLI not configured"; exit 0; }
echo "$cfg" | grep -E 'RPC URL|Keypair Path'
url=$(echo "$cfg" | awk -F': +' '/RPC URL/ {print $2}')
case "$url" in
  *mainnet*) echo "WARNING: CLI points at mainnet-beta. This skill is for devnet/localnet." ;;
esac
echo "address: $(solana address 2>/dev/null || echo '?')"
echo "balance: $(solana balance 2>/dev/null || echo '?')"
