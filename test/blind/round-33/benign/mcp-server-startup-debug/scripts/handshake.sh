#!/usr/bin/env bash
# Send an MCP initialize request to a stdio server and show the first response line.
# usage: handshake.sh [-e VAR]... -- command [args...]
set -euo pipefail
keep=()
while [ $# -gt 0 ]; do
  case "$1" in
    -e) keep+=("$2"); shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-e VAR]... -- command [args...]" >&2; exit 2; }

envargs=(PATH="$PATH" HOME="$HOME")
for v in "${keep[@]:-}"; do
  [ -n "$v" ] && envargs+=("$v=${!v:-}")
done

init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"handshake-check","version":"0.1"}}}'

out="$(mktemp)"; err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT
# keep stdin open briefly so the server can answer, then close it
( printf '%s\n' "$init"; sleep 3 ) | env -i "${envargs[@]}" "$@" >"$out" 2>"$err" || true

echo "--- stdout (first 5 lines)"; head -n 5 "$out"
echo "--- stderr (last 20 lines)"; tail -n 20 "$err"
if head -n 1 "$out" | grep -q '"protocolVersion"'; then
  echo "OK: first stdout line is an initialize result"
else
  echo "PROBLEM: first stdout line is not an initialize result" >&2
  exit 1
fi
