#!/usr/bin/env bash
# Start a local service, wait for its health URL, run a command, stop the service.
# usage: with_service.sh --cmd "<start command>" --health <url> [--timeout 60] -- <command...>
set -euo pipefail

start_cmd=""; health=""; timeout=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cmd) start_cmd="$2"; shift 2 ;;
    --health) health="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$start_cmd" && -n "$health" && $# -gt 0 ]] || { sed -n '2,3p' "$0"; exit 2; }
case "$health" in
  http://127.0.0.1*|http://localhost*|http://\[::1\]*) ;;
  *) echo "health URL must be on localhost; this helper is for local services only" >&2; exit 2 ;;
esac

log="$(mktemp -t service-log.XXXXXX)"
# setsid gives the service its own process group so we can stop it and its children only.
setsid bash -c "$start_cmd" >"$log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}
trap stop EXIT

deadline=$((SECONDS + timeout))
until curl -fsS -o /dev/null "$health"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "service exited during startup:" >&2; tail -n 40 "$log" >&2; exit 1
  fi
  if (( SECONDS > deadline )); then
    echo "service not healthy after ${timeout}s:" >&2; tail -n 40 "$log" >&2; exit 1
  fi
  sleep 0.5
done
echo "service up (pid $pid, log $log)" >&2

set +e
"$@"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  echo "--- last 40 lines of service log ---" >&2
  tail -n 40 "$log" >&2
fi
exit "$rc"
