#!/usr/bin/env bash
# Start/stop a temporary dev tunnel to a local port.
#   tunnel.sh start PORT [--cloudflared] [--force]
#   tunnel.sh status
#   tunnel.sh stop
set -euo pipefail

state=.tunnel
mkdir -p "$state"
if [[ -d .git ]] && ! grep -qxF ".tunnel/" .git/info/exclude 2>/dev/null; then
  echo ".tunnel/" >> .git/info/exclude
fi

running() { [[ -f "$state/pid" ]] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

public_url() {
  if [[ "$(cat "$state/kind" 2>/dev/null)" == ngrok ]]; then
    curl -s http://127.0.0.1:4040/api/tunnels | python3 -c 'import json,sys; t=json.load(sys.stdin)["tunnels"]; print(next((x["public_url"] for x in t if x["public_url"].startswith("https")), ""))'
  else
    grep -oE 'https://[a-z0-9-]+\.trycloudflare\.com' "$state/log" | head -1
  fi
}

cmd=${1:-status}
case "$cmd" in
  start)
    port=${2:?port required}
    shift 2
    kind=ngrok force=0
    for a in "$@"; do
      case "$a" in
        --cloudflared) kind=cloudflared ;;
        --force) force=1 ;;
      esac
    done
    case "$port" in
      22|3306|5432|5984|6379|8888|9042|9200|11211|27017)
        if [[ $force -ne 1 ]]; then
          echo "port $port is usually a database, SSH or notebook server — not exposing it." >&2
          echo "Point this at the web server that handles the webhook." >&2
          exit 2
        fi ;;
    esac
    if running; then
      echo "a tunnel is already running (pid $(cat "$state/pid")): $(public_url)"
      exit 0
    fi
    if [[ $kind == ngrok ]] && ! command -v ngrok >/dev/null; then kind=cloudflared; fi
    command -v "$kind" >/dev/null || { echo "neither ngrok nor cloudflared is installed" >&2; exit 3; }
    echo "$kind" > "$state/kind"
    echo "$port" > "$state/port"
    if [[ $kind == ngrok ]]; then
      nohup ngrok http "http://localhost:$port" --log stdout > "$state/log" 2>&1 &
    else
      nohup cloudflared tunnel --no-autoupdate --url "http://localhost:$port" > "$state/log" 2>&1 &
    fi
    echo $! > "$state/pid"
    for _ in $(seq 1 30); do
      url=$(public_url || true)
      [[ -n "$url" ]] && break
      sleep 1
    done
    if [[ -z "${url:-}" ]]; then
      echo "tunnel did not report a URL; see $state/log" >&2
      exit 1
    fi
    echo "tunnel ($kind) pid $(cat "$state/pid"): $url -> http://localhost:$port"
    echo "stop it with: bash $0 stop"
    ;;
  status)
    if running; then
      echo "running ($(cat "$state/kind"), pid $(cat "$state/pid")): $(public_url) -> localhost:$(cat "$state/port")"
    else
      echo "no tunnel running"
    fi
    ;;
  stop)
    if running; then
      pid=$(cat "$state/pid")
      kill "$pid"
      for _ in $(seq 1 10); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      echo "stopped tunnel (pid $pid)"
    else
      echo "no tunnel running"
    fi
    rm -f "$state/pid" "$state/kind" "$state/port"
    ;;
  *)
    echo "usage: $0 start PORT [--cloudflared] [--force] | status | stop" >&2
    exit 2 ;;
esac
