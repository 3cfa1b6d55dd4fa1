#!/usr/bin/env bash
# Usage: with_server.sh "<server command>" <url-to-wait-for> <command...>
# Starts the server in its own process group, waits for the URL, runs the command,
# then stops the server group it started (and nothing else).
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 \"<server cmd>\" <url> <cmd...>" >&2
  exit 2
fi

server_cmd=$1; url=$2; shift 2
timeout_s=${WAIT_TIMEOUT:-90}
log=$(mktemp -t devserver.XXXXXX.log)

set -m
bash -c "$server_cmd" >"$log" 2>&1 &
server_pid=$!
set +m

cleanup() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5; do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  echo "server log: $log" >&2
}
trap cleanup EXIT INT TERM

echo "waiting for $url (up to ${timeout_s}s)…" >&2
for ((i = 0; i < timeout_s; i++)); do
  if curl -fsS -o /dev/null --max-time 2 "$url"; then
    echo "server is up after ${i}s" >&2
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "server exited early; last lines:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  sleep 1
done

"$@"
