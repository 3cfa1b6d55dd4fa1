#!/usr/bin/env bash
set -euo pipefail

state=.docs-preview
pidfile=$state/server.pid
logfile=$state/server.log
port=8000
cmd=${1:-status}; shift || true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

server_cmd() {
  if [[ -f mkdocs.yml ]]; then
    echo "mkdocs serve --dev-addr 127.0.0.1:$port"
  elif compgen -G "docusaurus.config.*" >/dev/null; then
    echo "npx docusaurus start --host 127.0.0.1 --port $port --no-open"
  elif [[ -d site ]]; then
    echo "python3 -m http.server $port --bind 127.0.0.1 --directory site"
  else
    echo ""
  fi
}

case "$cmd" in
  start)
    if running; then echo "already running (pid $(cat "$pidfile")) on port $port"; exit 0; fi
    if command -v lsof >/dev/null && lsof -iTCP:"$port" -sTCP:LISTEN -Pn >/dev/null 2>&1; then
      echo "port $port is in use:"; lsof -iTCP:"$port" -sTCP:LISTEN -Pn; exit 1
    fi
    c=$(server_cmd)
    [[ -n "$c" ]] || { echo "no mkdocs.yml, docusaurus config or site/ folder found" >&2; exit 1; }
    mkdir -p "$state"
    # new session so stop can signal the whole process group (mkdocs/node spawn children)
    setsid bash -c "exec $c" >"$logfile" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    sleep 2
    if running; then
      echo "started: $c"
      echo "url: http://127.0.0.1:$port  (logs: $logfile)"
    else
      echo "server exited immediately; log:"; tail -n 30 "$logfile"; rm -f "$pidfile"; exit 1
    fi
    ;;
  status)
    if running; then echo "running (pid $(cat "$pidfile"))"; else echo "not running"; fi
    ;;
  logs)
    tail -n 50 "$logfile" 2>/dev/null || echo "no log yet"
    ;;
  stop)
    if running; then
      pid=$(cat "$pidfile")
      kill -- "-$pid" 2>/dev/null || kill "$pid"
      rm -f "$pidfile"
      echo "stopped (pid $pid)"
    else
      rm -f "$pidfile"; echo "not running"
    fi
    ;;
  *) echo "usage: docs_server.sh start|status|logs|stop [--port N]" >&2; exit 2 ;;
esac
