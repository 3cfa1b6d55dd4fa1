#!/usr/bin/env bash
# Start a local anvil node forked from a chain at a pinned block.
# usage: anvil-fork.sh CHAIN [BLOCK] [PORT]     CHAIN ∈ mainnet|arbitrum|base|optimism|polygon
set -euo pipefail
chain="${1:?chain}"; block="${2:-}"; port="${3:-8545}"
var="$(echo "${chain}_RPC_URL" | tr '[:lower:]' '[:upper:]')"
[ -f .env ] && set -a && . ./.env && set +a
url="${!var:-}"
if [ -z "$url" ]; then
  echo "set $var (e.g. in .env, which must be git-ignored)" >&2
  exit 1
fi
git check-ignore -q .env 2>/dev/null || { [ -f .env ] && echo "warning: .env is not git-ignored" >&2; }

args=(--fork-url "$url" --host 127.0.0.1 --port "$port" --auto-impersonate --chain-id 31337)
[ -n "$block" ] && args+=(--fork-block-number "$block")

anvil "${args[@]}" > "anvil-${port}.log" 2>&1 &
pid=$!
for _ in $(seq 1 40); do
  if cast block-number --rpc-url "http://127.0.0.1:$port" >/dev/null 2>&1; then
    echo "anvil pid $pid listening on http://127.0.0.1:$port (forked $chain${block:+ @ $block}); log: anvil-${port}.log"
    echo "stop with: kill $pid"
    exit 0
  fi
  sleep 0.5
done
echo "anvil did not come up; see anvil-${port}.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
