#!/usr/bin/env bash
# Small wrapper for driving interactive programs in detached tmux sessions.
#   tmux-run.sh start <name> [command...]   start detached session (200x50)
#   tmux-run.sh send  <name> <text>         send text followed by Enter, wait for output to settle
#   tmux-run.sh keys  <name> <key>...       send raw keys (Escape, C-c, Up, ...)
#   tmux-run.sh read  <name> [lines]        print the pane (default: last 60 lines incl. scrollback)
#   tmux-run.sh stop  <name>                kill the session
set -euo pipefail

command -v tmux >/dev/null || { echo "tmux is not installed (apt-get install tmux / brew install tmux)" >&2; exit 1; }

settle() {
  # wait until the pane content stops changing, max ~5s
  local name=$1 prev="" cur i
  for i in $(seq 1 25); do
    sleep 0.2
    cur=$(tmux capture-pane -t "$name" -p | md5sum)
    [[ "$cur" == "$prev" ]] && return 0
    prev=$cur
  done
}

cmd=${1:-}; name=${2:-}
[[ -n "$cmd" && -n "$name" ]] || { sed -n '2,7p' "$0"; exit 2; }
shift 2

case "$cmd" in
  start)
    if tmux has-session -t "$name" 2>/dev/null; then
      echo "session $name already exists" >&2; exit 1
    fi
    if [[ $# -gt 0 ]]; then
      tmux new-session -d -s "$name" -x 200 -y 50 -c "$PWD" "$*"
    else
      tmux new-session -d -s "$name" -x 200 -y 50 -c "$PWD"
    fi
    settle "$name"
    ;;
  send)
    tmux send-keys -t "$name" -l "$*"
    tmux send-keys -t "$name" Enter
    settle "$name"
    ;;
  keys)
    tmux send-keys -t "$name" "$@"
    settle "$name"
    ;;
  read)
    lines=${1:-60}
    tmux capture-pane -t "$name" -p -S -2000 | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' | tail -n "$lines"
    ;;
  stop)
    tmux kill-session -t "$name"
    ;;
  *)
    sed -n '2,7p' "$0"; exit 2
    ;;
esac
