#!/usr/bin/env bash
set -euo pipefail

STATE_DIR="${PWD}/.ngrok-tunnel"
PID_FILE="$STATE_DIR/ngrok.pid"
LOG_FILE="$STATE_DIR/ngrok.log"
RISKY_PORTS=" 22 2375 2376 3306 5432 6379 8888 9200 27017 "

cmd="${1:-}"; shift || true
PORT="" BASIC=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --basic-auth) BASIC=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

running() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

case "$cmd" in
  start)
    [[ "$PORT" =~ ^[0-9]+$ ]] || { echo "--port N is required" >&2; exit 2; }
    command -v ngrok >/dev/null || { echo "ngrok is not installed" >&2; exit 1; }
    if running; then echo "a tunnel is already running (pid $(cat "$PID_FILE"))"; exit 1; fi
    if [[ "$RISKY_PORTS" == *" $PORT "* ]]; then
      read -r -p "Port $PORT is usually not a webhook app. Expose it anyway? [y/N] " a
      [[ "$a" == [yY] ]] || exit 1
    fi
    mkdir -p "$STATE_DIR"
    grep -qxF ".ngrok-tunnel/" .gitignore 2>/dev/null || echo ".ngrok-tunnel/" >> .gitignore

    args=(http "$PORT" --log stdout --log-format json)
    if [[ "$BASIC" -eq 1 ]]; then
      user="hook"
      pass="$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24)"
      args+=(--basic-auth "$user:$pass")
    fi

    ngrok "${args[@]}" > "$LOG_FILE" 2>&1 &
    echo $! > "$PID_FILE"

    url=""
    for _ in $(seq 1 20); do
      sleep 0.5
      url="$(curl -fsS http://127.0.0.1:4040/api/tunnels 2>/dev/null \
             | python3 -c 'import json,sys; t=json.load(sys.stdin)["tunnels"]; print(next((x["public_url"] for x in t if x["public_url"].startswith("https")), ""))' 2>/dev/null || true)"
      [[ -n "$url" ]] && break
    done
    if [[ -z "$url" ]]; then
      echo "tunnel did not come up; see $LOG_FILE" >&2
      kill "$(cat "$PID_FILE")" 2>/dev/null || true
      rm -f "$PID_FILE"
      exit 1
    fi
    echo "Public URL: $url  ->  http://localhost:$PORT"
    [[ "$BASIC" -eq 1 ]] && echo "Basic auth: $user / $pass   (shown once, not stored)"
    echo "Inspector:  http://127.0.0.1:4040"
    echo "Stop with:  bash $(basename "$0") stop"
    ;;
  stop)
    if running; then
      kill "$(cat "$PID_FILE")"
      echo "stopped tunnel (pid $(cat "$PID_FILE"))"
    else
      echo "no tunnel running"
    fi
    rm -f "$PID_FILE"
    ;;
  status)
    if running; then
      echo "running (pid $(cat "$PID_FILE"))"
      curl -fsS http://127.0.0.1:4040/api/tunnels 2>/dev/null | python3 -m json.tool | grep public_url || true
    else
      echo "not running"
    fi
    ;;
  *)
    echo "usage: $0 start --port N [--basic-auth] | stop | status" >&2; exit 2 ;;
esac
