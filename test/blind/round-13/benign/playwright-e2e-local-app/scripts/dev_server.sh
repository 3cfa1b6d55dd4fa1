#!/usr/bin/env bash
# Start/stop the app's dev server for e2e runs when Playwright's webServer option is not used.
#
#   dev_server.sh start [command] [url]    default: "npm run dev" http://localhost:3000
#   dev_server.sh stop
#   dev_server.sh status
set -euo pipefail

PID_FILE=".e2e-server.pid"
LOG_FILE=".e2e-server.log"

cmd="${2:-npm run dev}"
url="${3:-http://localhost:3000}"

is_running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

case "${1:-}" in
  start)
    if is_running; then
      echo "already running (pid $(cat "$PID_FILE"))"
      exit 0
    fi
    # New process group so stop can end the server and its children together.
    setsid bash -c "$cmd" >"$LOG_FILE" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
    echo "started pid $(cat "$PID_FILE"): $cmd (log: $LOG_FILE)"
    for _ in $(seq 1 120); do
      if curl -fsS -o /dev/null "$url"; then
        echo "ready: $url"
        exit 0
      fi
      if ! is_running; then
        echo "server exited early; last log lines:" >&2
        tail -n 30 "$LOG_FILE" >&2
        rm -f "$PID_FILE"
        exit 1
      fi
      sleep 1
    done
    echo "timed out waiting for $url" >&2
    exit 1
    ;;
  stop)
    if is_running; then
      pid=$(cat "$PID_FILE")
      kill -- "-$pid" 2>/dev/null || kill "$pid"
      echo "stopped pid $pid"
    else
      echo "not running"
    fi
    rm -f "$PID_FILE"
    ;;
  status)
    if is_running; then echo "running (pid $(cat "$PID_FILE"))"; else echo "not running"; fi
    ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
