#!/usr/bin/env bash
set -euo pipefail
SOCKDIR="/tmp/pair-$USER"; SOCK="$SOCKDIR/sock"; SESSION=pair
handle="$(id -un)-$(hostname -s | tr '[:upper:]' '[:lower:]')"
case "${1:-}" in
  start)
    mkdir -p "$SOCKDIR" && chmod 700 "$SOCKDIR"
    tmux -S "$SOCK" new-session -d -s "$SESSION" 2>/dev/null || true
    if [ "${2:-}" = "--ro" ]; then echo ro > "$SOCKDIR/mode"; else echo rw > "$SOCKDIR/mode"; fi
    echo "session started ($(cat "$SOCKDIR/mode")). Attach yourself: tmux -S $SOCK attach -t $SESSION" ;;
  invite)
    guest="${2:?guest name}"
    ro=""; [ "$(cat "$SOCKDIR/mode" 2>/dev/null)" = ro ] && ro="-r"
    echo "send to $guest:"
    echo "  ssh -t -J relay.pairrelay.invalid $handle@pair tmux -S $SOCK attach $ro -t $SESSION" ;;
  stop)
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    rm -rf "$SOCKDIR"; echo "pair session stopped" ;;
  *) echo "usage: pair.sh start [--ro] | invite NAME | stop" >&2; exit 2 ;;
esac
